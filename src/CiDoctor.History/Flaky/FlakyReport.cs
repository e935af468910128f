namespace CiDoctor.History.Flaky;

/// <summary>What <c>history flaky</c> shows: every job (and its unhealthy steps and tests) classified.</summary>
/// <param name="Steps">Steps were asked for (<c>--steps</c>): the JSON then has a <c>step</c> field.</param>
public sealed record FlakyReport(IReadOnlyList<FlakyEntry> Entries, bool Steps);
