namespace CiDoctor.History.Rescan;

/// <summary>What a re-scan did: runs looked at, failed jobs re-diagnosed, diagnoses changed, failed jobs without a stored log.</summary>
public sealed record RescanResult(int Runs, int Jobs, int Changed, int WithoutLog);
