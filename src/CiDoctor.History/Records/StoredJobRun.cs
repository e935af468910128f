namespace CiDoctor.History.Records;

/// <summary>One job of a recorded run as a history window lists it.</summary>
public sealed record StoredJobRun(long Id, long RunId, string Repository, string Workflow, string Job, string Status, string? FailedStep, string? RootCauseId, string? Signature);
