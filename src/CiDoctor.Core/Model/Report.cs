namespace CiDoctor.Core.Model;

/// <summary>A recommended action of a failure mode.</summary>
public sealed record RecommendedAction(ActionWhen When, Effort Effort, string Text);

/// <summary>The root cause of a failed job: the winning failure mode, explained.</summary>
public sealed record RootCause(
    string Id,
    string Kind,
    string Title,
    double Confidence,
    string Explanation,
    IReadOnlyList<string> Factors,
    IReadOnlyList<RecommendedAction> Actions,
    string? Principle,
    Severity Severity);

/// <summary>A line that explains (cause) or helps to read (context) a job's failure.</summary>
/// <param name="Line">1-based line number in <paramref name="File"/> (or the job's file); null for annotations and snapshots.</param>
public sealed record EvidenceLine(long? Line, string Text, EvidenceRole Role, EvidenceSource Source, string? File = null, string? Label = null);

/// <summary>A line that looks like an error but is known, expected noise.</summary>
public sealed record NoiseLine(long Line, string Text, string Id);

/// <summary>A Nix derivation that failed only because a dependency failed.</summary>
public sealed record Cascade(string Name, string Path, string CausedBy);

/// <summary>The diagnosis of one job.</summary>
public sealed record JobDiagnosis(
    string Name,
    string? Id,
    string? File,
    RunStatus Status,
    string? FailedStep,
    int? ExitCode,
    Origin Origin,
    RootCause? RootCause,
    IReadOnlyList<EvidenceLine> Evidence,
    string? CascadeOf,
    IReadOnlyList<Cascade> Cascades,
    IReadOnlyList<NoiseLine> Noise,
    JobFacts Facts)
{
    /// <summary>Store paths of the Nix derivations whose builder failed in this job (relates jobs that failed on the same one).</summary>
    public IReadOnlyList<string> FailedDerivations { get; init; } = [];

    /// <summary>
    /// Why the origin is what it is when no root cause is named: what the job's structure says
    /// (the CI system's closing line, the exit code, the failed step's phase), e.g. "No catalog
    /// mode matched; GitLab reported a system failure while preparing the runner, …". Null when a
    /// root cause is named (its explanation says it) or when nothing is known.
    /// </summary>
    public string? OriginReason { get; init; }

    /// <summary>What run history says of the job (<c>diagnose --db</c>); null without a history store.</summary>
    public JobHistory? History { get; init; }

    /// <summary>
    /// Lines of the log around the evidence, for renderers that let a reader expand them (HTML).
    /// Filled only on request (<see cref="Diagnosis.LogExcerpts"/>), never part of the JSON contract.
    /// </summary>
    public IReadOnlyList<LogExcerpt> Excerpts { get; init; } = [];
}

/// <summary>Consecutive lines of a job's log, cleaned, masked and cut exactly like evidence text.</summary>
/// <param name="FirstLine">1-based number of the first line.</param>
/// <param name="Lines">The lines from <paramref name="FirstLine"/> on (fewer than asked at the end of the log).</param>
public sealed record LogExcerpt(long FirstLine, IReadOnlyList<string> Lines)
{
    /// <summary>Number of the last line held.</summary>
    public long LastLine => FirstLine + Lines.Count - 1;

    /// <summary>True when line <paramref name="number"/> is in this excerpt.</summary>
    public bool Contains(long number) => number >= FirstLine && number <= LastLine;

    /// <summary>The text of line <paramref name="number"/>, which must be in this excerpt.</summary>
    public string this[long number] => Lines[checked((int)(number - FirstLine))];
}

/// <summary>Facts about a job used by renderers (not part of the JSON contract's top level).</summary>
public sealed record JobFacts(
    string Ci,
    long LineCount,
    double? DurationSeconds,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<FindingSummary> OtherFindings)
{
    public string? StartedAt { get; init; }
    public string? CompletedAt { get; init; }
    public string? RunnerName { get; init; }
    /// <summary>The job's steps for timelines: run.json's when it lists them, else the log's.</summary>
    public IReadOnlyList<StepFact> Steps { get; init; } = [];
}

/// <summary>A step as renderers show it: times from run.json, line range from the log, either may be absent.</summary>
public sealed record StepFact(string Name, RunStatus Status, int? ExitCode, string? StartedAt, string? CompletedAt, long? FirstLine, long? LastLine);

/// <summary>A mode that matched in a job but did not win: shown as a secondary finding.</summary>
public sealed record FindingSummary(string Id, string Title, string Kind, Origin Origin, long Line, int Count);

/// <summary>Who ran, where and when (from run.json, or empty for a bare log).</summary>
public sealed record RunInfo(
    string? Provider = null,
    string? Repository = null,
    string? RunId = null,
    string? Workflow = null,
    string? Branch = null,
    string? Commit = null,
    string? Event = null,
    string? StartedAt = null,
    string? Url = null)
{
    /// <summary>What could not be known about the run (needs unreadable, a log gone), said in reports.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>run.json's <c>attempt</c> (a re-run of the same run id); null when not given.</summary>
    public int? Attempt { get; init; }
}

/// <summary>Counts over a run's jobs.</summary>
public sealed record RunSummary(int Jobs, int FailedJobs, int PassedJobs, int RootCauses, bool Independent, bool EarlyFailure);

/// <summary>The whole result: what every renderer turns into text.</summary>
public sealed record RunReport(
    IReadOnlyList<string> Sources,
    RunInfo Run,
    RunSummary Summary,
    IReadOnlyList<JobDiagnosis> Jobs)
{
    /// <summary>Version of the JSON contract (DESIGN.md); fields are added, never renamed, while it stays 1.</summary>
    public const int SchemaVersion = 1;
}
