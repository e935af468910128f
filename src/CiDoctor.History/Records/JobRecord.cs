namespace CiDoctor.History.Records;

/// <summary>One job of a recorded run: outcome, diagnosis, steps, tests and its masked, compressed log.</summary>
/// <param name="Status">A DESIGN.md status name: failed, passed, cancelled, skipped, unknown.</param>
/// <param name="Origin">A DESIGN.md origin name.</param>
/// <param name="Signature">Root-cause mode id (or <c>unknown</c>) plus the masked first cause line; null for a job that did not fail.</param>
public sealed record JobRecord(
    string Name,
    string Status,
    string? StartedAt,
    string? CompletedAt,
    double? DurationSeconds,
    string? RunnerName,
    string? FailedStep,
    int? ExitCode,
    string Origin,
    string? RootCauseId,
    string? FirstCauseLine,
    string? Signature,
    IReadOnlyList<StepRecord> Steps,
    IReadOnlyList<TestRecord> Tests,
    StoredLog? Log);
