namespace CiDoctor.History.Records;

/// <summary>One test result of a recorded job run.</summary>
public sealed record StoredTestRun(long JobRunId, string TestId, string Outcome, string? Message);
