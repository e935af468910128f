namespace CiDoctor.History.Flaky;

/// <summary>What history says about one job, step or test over a window of runs (DESIGN.md "History").</summary>
/// <param name="Kind">One of <see cref="Healthy"/>, <see cref="Flaky"/>, <see cref="Persistent"/>, <see cref="Intermittent"/>.</param>
/// <param name="FailureRate">Failures / runs, two decimals.</param>
/// <param name="FlipRate">Share of consecutive runs whose outcome differs, two decimals.</param>
/// <param name="DistinctCommits">Different commits among the failed runs.</param>
/// <param name="PassedOnSameCommit">It passed on a commit (or a retry of a run) where it also failed.</param>
/// <param name="FirstBadRun">For persistent: the first run of the current failing streak.</param>
/// <param name="Rotating">A failed run's failing tests differ from those of the previous failed run on the same commit (seed 002: the environment).</param>
public sealed record Classification(
    string Kind,
    int Runs,
    int Failures,
    double FailureRate,
    double FlipRate,
    int DistinctCommits,
    bool PassedOnSameCommit,
    string? FirstBadRun,
    string? FirstBadCommit,
    string? LastSeen,
    bool Rotating)
{
    public const string Healthy = "healthy";
    public const string Flaky = "flaky";
    public const string Persistent = "persistent";
    public const string Intermittent = "intermittent";

    /// <summary>Failed runs of the current persistent streak (0 unless persistent).</summary>
    public int StreakRuns { get; init; }
}
