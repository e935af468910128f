namespace CiDoctor.Core.Yaml;

/// <summary>
/// One node of a parsed YAML document, as plain data: a <see cref="YamlScalar"/>, a
/// <see cref="YamlSequence"/> or a <see cref="YamlMapping"/>. Positions are 1-based and point
/// at the node's start, so readers can report <c>file:line: problem</c>.
/// </summary>
public abstract class YamlValue
{
    private protected YamlValue(int line, int column)
    {
        Line = line;
        Column = column;
    }

    /// <summary>The 1-based line the node starts on.</summary>
    public int Line { get; }

    /// <summary>The 1-based column the node starts at.</summary>
    public int Column { get; }
}
