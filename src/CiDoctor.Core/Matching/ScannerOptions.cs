namespace CiDoctor.Core.Matching;

/// <summary>Bounds of what a scan keeps; together they cap memory whatever the log size.</summary>
public sealed record ScannerOptions
{
    /// <summary>Findings kept per mode (the first ones; the rest are only counted).</summary>
    public int FindingsPerMode { get; init; } = 32;

    /// <summary>Findings per mode kept on lines the baseline's passing log also has.</summary>
    public int FamiliarFindings { get; init; } = 4;

    /// <summary>Findings per mode whose context patterns are looked for.</summary>
    public int ContextFindings { get; init; } = 3;

    /// <summary>Lines kept before the current one, for context patterns that look back.</summary>
    public int History { get; init; } = 256;

    /// <summary>Scored candidate lines kept for logs no mode explains.</summary>
    public int Candidates { get; init; } = 600;

    /// <summary>Lines kept before and after each candidate, to show it as a block.</summary>
    public int Window { get; init; } = 6;

    /// <summary>Lines kept at the end of each step.</summary>
    public int StepTail { get; init; } = 40;

    /// <summary>Steps whose tails are kept (the most recent ones).</summary>
    public int StepTails { get; init; } = 256;

    /// <summary>Lines kept at the end of the log.</summary>
    public int Tail { get; init; } = 80;

    /// <summary>
    /// Lets the scanner skip quiet lines unparsed (<see cref="Logs.FastLineReader"/>); false parses
    /// every line, the reference the fast path is tested against. Same result either way.
    /// </summary>
    public bool SkipQuietLines { get; init; } = true;

    /// <summary>
    /// With the fast reader, reads and parses the log on a second thread while the scan runs
    /// (when the machine has more than one core). Same result either way.
    /// </summary>
    public bool ReadInParallel { get; init; } = true;

    /// <summary>Tests: the fast path, and its second thread, even for a small log (which is parsed line by line).</summary>
    internal bool FastPathWhenSmall { get; init; }

    /// <summary>Bytes the fast reader reads at a time; tests make it small to cross block boundaries often.</summary>
    internal int ReadBlockBytes { get; init; } = Logs.FastLineReader.DefaultBlockBytes;
}
