using CiDoctor.Core.Logs;

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

    /// <summary>How a scanned log is read (quiet-line skipping, a second thread); the scan's result is the same whatever these say.</summary>
    public LineReadOptions Reading { get; init; } = new();
}
