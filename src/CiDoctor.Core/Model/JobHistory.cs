namespace CiDoctor.Core.Model;

/// <summary>
/// What run history says of a job (<c>diagnose --db</c>; DESIGN.md "History"): its classification
/// over the last runs on the branch and the sentence reports show, e.g. "this job failed in 4 of
/// the last 20 runs on this branch, on 3 different commits, and passed on the same commit: flaky".
/// </summary>
/// <param name="Classification">healthy, flaky, persistent or intermittent.</param>
/// <param name="DistinctCommits">Different commits among the failed runs.</param>
/// <param name="PassedOnSameCommit">It passed on a commit (or a retry) where it also failed.</param>
/// <param name="Rotating">Its failing tests differ between failed runs of the same commit.</param>
public sealed record JobHistory(
    string Classification,
    int Runs,
    int Failures,
    double FailureRate,
    double FlipRate,
    int DistinctCommits,
    bool PassedOnSameCommit,
    string? FirstBadRun,
    string? FirstBadCommit,
    bool Rotating,
    string Summary)
{
    /// <summary>The branch the window was taken on; null for every branch.</summary>
    public string? Branch { get; init; }

    /// <summary>True when the job's last green log from history was its baseline.</summary>
    public bool BaselineFromHistory { get; init; }
}
