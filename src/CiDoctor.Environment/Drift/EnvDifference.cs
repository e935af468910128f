namespace CiDoctor.Env.Drift;

/// <summary>
/// One difference between two snapshots that can break a build.
/// </summary>
/// <param name="Kind">tool-missing, tool-version, tool-path, env-missing, env-value, tmpdir, resource or endpoint.</param>
/// <param name="Name">What differs: a tool, a variable, an endpoint, a resource (cpus, memory, disk:work…), or tmp.</param>
/// <param name="MissingIn">A or B (the order of the arguments) when the thing exists in one snapshot only; else null.</param>
/// <param name="A">The value in the first snapshot (null when absent).</param>
/// <param name="B">The value in the second snapshot (null when absent).</param>
/// <param name="Detail">One sentence saying why it matters.</param>
public sealed record EnvDifference(string Kind, string Name, string? MissingIn, string? A, string? B, string Detail);

/// <summary>The result of <c>env diff</c>.</summary>
public sealed record EnvDrift(IReadOnlyList<EnvDifference> Differences)
{
    public bool Drift => Differences.Count > 0;
}
