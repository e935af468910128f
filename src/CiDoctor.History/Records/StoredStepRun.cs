namespace CiDoctor.History.Records;

/// <summary>One step of a recorded job run.</summary>
public sealed record StoredStepRun(long JobRunId, int Index, string Name, string Status);
