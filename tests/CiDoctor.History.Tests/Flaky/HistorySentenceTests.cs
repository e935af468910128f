using CiDoctor.History.Flaky;
using CiDoctor.History.Lookup;

namespace CiDoctor.History.Tests.Flaky;

public class HistorySentenceTests
{
    private static Classification Of(string kind, int runs, int failures, int commits = 0, bool same = false, string? badRun = null, string? badCommit = null, int streak = 0) =>
        new(kind, runs, failures, 0, 0, commits, same, badRun, badCommit, null, false) { StreakRuns = streak };

    [Fact]
    public void Of_Flaky_ReadsLikeTheIssueExample()
    {
        Assert.Equal("this test failed in 4 of the last 20 runs on this branch, on 3 different commits, and passed on the same commit: flaky",
            HistorySentence.Of(Of("flaky", 20, 4, 3, same: true), "this test", onBranch: true));
    }

    [Fact]
    public void Of_Persistent_NamesTheFirstBadRunAndShortCommit()
    {
        Assert.Equal("this job failed with the same failure in every run since run 103 (commit a973a5a), 6 runs: persistent",
            HistorySentence.Of(Of("persistent", 8, 6, 2, badRun: "103", badCommit: "a973a5a0c1f9e7b5a3d2c4e6f8015c1e0a9d7f3b", streak: 6), "this job", onBranch: true));
    }

    [Fact]
    public void Of_OneRunOrNone_SaysSo()
    {
        Assert.Equal("this job failed in its only recorded run: intermittent", HistorySentence.Of(Of("intermittent", 1, 1, 1), "this job", onBranch: false));
        Assert.Equal("no recorded runs of this job on this branch yet", HistorySentence.Of(Of("healthy", 0, 0), "this job", onBranch: true));
    }
}
