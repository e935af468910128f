namespace CiDoctor.Cli;

/// <summary>What a command may touch: its output streams and stdin. Tests pass their own.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, Func<Stream> Stdin)
{
    /// <summary>True when output goes to a terminal (colour allowed unless NO_COLOR is set).</summary>
    public bool Interactive { get; init; }

    /// <summary>True when stderr goes to a terminal (progress may redraw a line in place).</summary>
    public bool ErrorInteractive { get; init; }
}
