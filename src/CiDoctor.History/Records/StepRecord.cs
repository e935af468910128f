namespace CiDoctor.History.Records;

/// <summary>A step of a recorded job, in job order.</summary>
public sealed record StepRecord(int Index, string Name, string Status, int? ExitCode, string? StartedAt, string? CompletedAt);
