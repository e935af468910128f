namespace CiDoctor.History.Records;

/// <summary>
/// One failed job as the store keeps its failure: what clustering reads
/// (<c>cidoctor history clusters</c>, <c>cidoctor catalog suggest</c>).
/// </summary>
/// <param name="JobRunId">The job run's store id.</param>
/// <param name="Run">The run's label (<see cref="StoredRun.Label"/>: run id, <c>id#attempt</c>, or content key).</param>
/// <param name="OrderedAt">The run's time in the store (its start, else when it was recorded), ISO 8601 UTC.</param>
/// <param name="RootCauseId">The stored root-cause mode id; null when no mode matched.</param>
/// <param name="FirstCauseLine">The first cause line (secrets masked), null when the diagnosis had none.</param>
/// <param name="Signature">The failure signature (DESIGN.md "History").</param>
public sealed record StoredFailure(
    long JobRunId,
    string Run,
    string Repository,
    string Workflow,
    string Job,
    string? Branch,
    string? Commit,
    string OrderedAt,
    string? RootCauseId,
    string? FirstCauseLine,
    string? Signature);
