using CiDoctor.History.Flaky;

namespace CiDoctor.History.Tests.Flaky;

public class FlakyClassifierTests
{
    // P = passed, F = failed; each run on its own commit unless given.
    private static List<Observation> Runs(string outcomes, string[]? commits = null, string[]? signatures = null) =>
        outcomes.Select((o, i) => new Observation($"r{i + 1}", commits?[i] ?? $"c{i + 1}", o == 'F', o == 'F' ? signatures?[i] ?? "sig" : null)).ToList();

    [Fact]
    public void Classify_NoFailures_IsHealthy()
    {
        var c = FlakyClassifier.Classify(Runs("PPPP"));
        Assert.Equal((Classification.Healthy, 4, 0, 0.0, 0.0), (c.Kind, c.Runs, c.Failures, c.FailureRate, c.FlipRate));
        Assert.Null(c.FirstBadRun);
    }

    [Fact]
    public void Classify_NoRuns_IsHealthyWithZeroRates()
    {
        var c = FlakyClassifier.Classify([]);
        Assert.Equal((Classification.Healthy, 0, 0.0, 0.0, (string?)null), (c.Kind, c.Runs, c.FailureRate, c.FlipRate, c.LastSeen));
    }

    [Fact]
    public void Classify_PassedAndFailedOnOneCommit_IsFlaky()
    {
        var c = FlakyClassifier.Classify(Runs("PFPF", ["a", "b", "b", "c"]));
        Assert.Equal(Classification.Flaky, c.Kind);
        Assert.True(c.PassedOnSameCommit);
        Assert.Equal(2, c.DistinctCommits);
    }

    [Fact]
    public void Classify_PassedOnARetryOfAFailedRun_IsFlaky()
    {
        // No commit known (bare logs), but attempt 2 of run 7 passed where attempt 1 failed.
        List<Observation> runs =
        [
            new("7", "github|o/r|7", null, true, "sig", "t1", []),
            new("7#2", "github|o/r|7", null, false, null, "t2", []),
        ];
        Assert.Equal(Classification.Flaky, FlakyClassifier.Classify(runs).Kind);
    }

    [Fact]
    public void Classify_FailsEveryRunSinceACommitWithOneSignature_IsPersistentWithFirstBadRunAndCommit()
    {
        var c = FlakyClassifier.Classify(Runs("PPFFF", ["a", "b", "X", "d", "e"]));
        Assert.Equal((Classification.Persistent, "r3", "X", 3), (c.Kind, c.FirstBadRun, c.FirstBadCommit, c.StreakRuns));
    }

    [Fact]
    public void Classify_StreakWithAnotherSignatureBefore_IsPersistentSinceTheNewSignature()
    {
        var c = FlakyClassifier.Classify(Runs("PFFF", signatures: [null!, "old", "new", "new"]));
        Assert.Equal((Classification.Persistent, "r3", "c3"), (c.Kind, c.FirstBadRun, c.FirstBadCommit));
    }

    [Fact]
    public void Classify_OneFailureAfterPasses_IsIntermittentNotYetPersistent()
    {
        Assert.Equal(Classification.Intermittent, FlakyClassifier.Classify(Runs("PPPF")).Kind);
    }

    [Fact]
    public void Classify_FailuresOnDifferentCommitsThatNeverPassedThere_IsIntermittent()
    {
        var c = FlakyClassifier.Classify(Runs("FPFPP"));
        Assert.Equal(Classification.Intermittent, c.Kind);
        Assert.False(c.PassedOnSameCommit);
        Assert.Equal(2, c.DistinctCommits);
    }

    [Fact]
    public void Classify_StreakOnACommitThatAlsoPassed_IsFlakyNotPersistent()
    {
        var c = FlakyClassifier.Classify(Runs("PFF", ["X", "X", "X"]));
        Assert.Equal(Classification.Flaky, c.Kind);
    }

    [Fact]
    public void Classify_BrokenNowAfterAFlakyPast_IsPersistent()
    {
        var c = FlakyClassifier.Classify(Runs("PFPFF", ["a", "a", "b", "X", "Y"]));
        Assert.Equal((Classification.Persistent, "X"), (c.Kind, c.FirstBadCommit));
    }

    [Fact]
    public void Classify_Rates_AreFailuresPerRunAndFlipsPerConsecutivePair()
    {
        // 2 failures of 5; flips P→F, F→P, P→F: 3 of 4 consecutive pairs.
        var c = FlakyClassifier.Classify(Runs("PFPPF"));
        Assert.Equal((0.4, 0.75), (c.FailureRate, c.FlipRate));
        Assert.Equal("r5", c.LastSeen);
    }

    [Fact]
    public void RotatingRuns_FailingTestsDifferFromThePreviousFailureOnTheSameCommit()
    {
        List<Observation> runs =
        [
            new("r1", null, "Y", true, "s", "t1", ["t.a"]),
            new("r2", null, "Y", false, null, "t2", []),
            new("r3", null, "Y", true, "s", "t3", ["t.b"]),
            new("r4", null, "Z", true, "s", "t4", ["t.c"]),
            new("r5", null, "Z", true, "s", "t5", ["t.c"]),
        ];
        Assert.Equal(["r3"], FlakyClassifier.RotatingRuns(runs).Select(r => r.Run));
        Assert.True(FlakyClassifier.Classify(runs).Rotating);
    }

    [Fact]
    public void RotatingRuns_SameTestsFailingAgain_IsNotRotating()
    {
        List<Observation> runs =
        [
            new("r1", null, "Y", true, "s", "t1", ["t.a", "t.b"]),
            new("r2", null, "Y", true, "s", "t2", ["t.b", "t.a"]),
        ];
        Assert.Empty(FlakyClassifier.RotatingRuns(runs));
    }
}
