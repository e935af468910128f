namespace CiDoctor.Cli;

/// <summary>What a command may touch: its output streams, stdin and environment. Tests pass their own.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, Func<Stream> Stdin)
{
    /// <summary>True when output goes to a terminal (colour allowed unless NO_COLOR is set).</summary>
    public bool Interactive { get; init; }

    /// <summary>True when stderr goes to a terminal (progress may redraw a line in place).</summary>
    public bool ErrorInteractive { get; init; }

    /// <summary>Reads an environment variable (CI formats read the runner's); tests pass their own.</summary>
    public Func<string, string?> Env { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Colour only for a terminal, never into a file, never when NO_COLOR is set (no-color.org).</summary>
    public bool Colour(string? outFile) => outFile is null && Interactive && string.IsNullOrEmpty(Env("NO_COLOR"));
}
