namespace CiDoctor.Env.Drift;

/// <summary>What <c>env diff A B</c> shows: the drift between two snapshots, and how the user named them.</summary>
/// <param name="A">The first snapshot, as given (for example, the path that works).</param>
/// <param name="B">The second snapshot, as given (for example, the path that fails).</param>
public sealed record DriftReport(string A, string B, EnvDrift Drift);
