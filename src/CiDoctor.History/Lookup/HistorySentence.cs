using CiDoctor.History.Flaky;

namespace CiDoctor.History.Lookup;

/// <summary>
/// The one sentence reports show for a job's history:
/// <c>this job failed in 4 of the last 20 runs on this branch, on 3 different commits, and passed on the same commit: flaky</c>.
/// </summary>
public static class HistorySentence
{
    public static string Of(Classification c, string subject, bool onBranch)
    {
        string where = onBranch ? " on this branch" : "";
        if (c.Runs == 0)
        {
            return $"no recorded runs of {subject}{where} yet";
        }
        if (c.Runs == 1)
        {
            return $"{subject} {(c.Failures == 1 ? "failed" : "passed")} in its only recorded run{where}: {c.Kind}";
        }
        string sentence = c.Kind switch
        {
            Classification.Healthy => $"{subject} passed in all of the last {Runs(c.Runs)}{where}: healthy",
            Classification.Persistent =>
                $"{subject} failed with the same failure in every run since run {c.FirstBadRun}" +
                (c.FirstBadCommit is null ? "" : $" (commit {Short(c.FirstBadCommit)})") + $", {Runs(c.StreakRuns)}: persistent",
            _ => $"{subject} failed in {c.Failures} of the last {Runs(c.Runs)}{where}, " +
                (c.DistinctCommits > 0 ? $"on {Commits(c.DistinctCommits)}, " : "") +
                (c.PassedOnSameCommit ? "and passed on the same commit" : "and never passed on a commit where it failed") + $": {c.Kind}",
        };
        return c.Rotating ? sentence + "; its failing tests differ between runs of the same commit (rotating: look at the environment)" : sentence;
    }

    private static string Runs(int n) => n == 1 ? "1 run" : $"{n} runs";

    private static string Commits(int n) => n == 1 ? "1 commit" : $"{n} different commits";

    /// <summary>A 40-hex commit id shortened to 7, as git shows it; anything else as is.</summary>
    public static string Short(string commit) => commit.Length > 12 && commit.All(char.IsAsciiHexDigit) ? commit[..7] : commit;
}
