namespace CiDoctor.Core.Pipeline;

/// <summary>How a request wants its sources read.</summary>
public sealed record SourceOptions
{
    /// <summary>What the source <c>-</c> reads; the process's stdin when null.</summary>
    public Func<Stream>? Stdin { get; init; }

    /// <summary>Every job's log, passing ones too (history keeps them as baselines); else a downloaded run brings failed jobs' logs only.</summary>
    public bool AllLogs { get; init; }

    /// <summary>
    /// Every log must be readable again after the diagnosis (history stores it): stdin is then
    /// copied to a temporary file, removed when the run is disposed.
    /// </summary>
    public bool Reopenable { get; init; }
}
