namespace CiDoctor.Core.Yaml;

/// <summary>Text that is not YAML (or uses what <see cref="YamlText"/> does not read): where, and why.</summary>
public sealed class YamlSyntaxException : Exception
{
    public YamlSyntaxException(string message, int line, int column, Exception? inner = null) : base(message, inner)
    {
        Line = line;
        Column = column;
    }

    public YamlSyntaxException()
    {
    }

    public YamlSyntaxException(string message) : base(message)
    {
    }

    public YamlSyntaxException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>The 1-based line of the problem.</summary>
    public int Line { get; } = 1;

    /// <summary>The 1-based column of the problem.</summary>
    public int Column { get; } = 1;
}
