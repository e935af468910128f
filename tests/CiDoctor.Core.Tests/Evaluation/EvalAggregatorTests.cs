using CiDoctor.Core.Evaluation;

namespace CiDoctor.Core.Tests.Evaluation;

public class EvalAggregatorTests
{
    private static CaseResult Result(string set, EvalTruth truth, string? error = null, params EvalValue[] values) =>
        new(new EvalCase("/x", $"{set}/{truth.Source}", set, truth), error, 0.5, values);

    [Fact]
    public void Aggregate_RatesAveragedErrorsSummed()
    {
        var results = new[]
        {
            Result("logchunks", new EvalTruth { Source = "1" }, null, new EvalValue("logchunks.hit@5", 1), new EvalValue("logchunks.evidence_lines", 4)),
            Result("logchunks", new EvalTruth { Source = "2" }, "boom", new EvalValue("logchunks.hit@5", 0), new EvalValue("logchunks.evidence_lines", 0)),
            Result("logchunks", new EvalTruth { Source = "3" }, "bang", new EvalValue("logchunks.hit@5", 0), new EvalValue("logchunks.base.tail.evidence_lines", 10, Extra: true)),
        };

        var report = EvalAggregator.Aggregate("dev", true, results);

        Assert.Equal(1.0 / 3, report.Figures["logchunks.hit@5"]);
        Assert.Equal(2, report.Figures["logchunks.evidence_lines"]);
        Assert.Equal(2, report.Figures["logchunks.errors"]);
        Assert.Equal(10, report.ExtraBaselines["logchunks.base.tail.evidence_lines"]);
        Assert.Equal(3, report.Counts["logchunks.hit@5"]);
        Assert.Equal(["logchunks/2: boom", "logchunks/3: bang"], report.Errors);
        Assert.Equal(0.5, report.SecondsPerCase["logchunks.seconds"]);
        Assert.Equal(3, report.CasesPerSet["logchunks"]);
    }

    [Fact]
    public void Aggregate_IssueLabels_MajorityBaselinesAmongFigures()
    {
        var results = new[]
        {
            Result("issues", new EvalTruth { Source = "1", Category = "oom", Environmental = true }),
            Result("issues", new EvalTruth { Source = "2", Category = "oom", Environmental = false }),
            Result("issues", new EvalTruth { Source = "3", Category = "auth", Environmental = true }),
            Result("issues", new EvalTruth { Source = "4", Environmental = true }),
        };

        var report = EvalAggregator.Aggregate("dev", true, results);

        Assert.Equal(2.0 / 3, report.Figures["issues.base.majority.kind_acc"]);
        Assert.Equal(3.0 / 4, report.Figures["issues.base.majority.origin_acc"]);
        Assert.Equal(3, report.Counts["issues.base.majority.kind_acc"]);
        Assert.Equal(4, report.Counts["issues.base.majority.origin_acc"]);
    }

    [Fact]
    public void Aggregate_FormatsLabels_MajorityBaselinesAreExtras()
    {
        var results = new[]
        {
            Result("formats", new EvalTruth { Source = "gitlab", Category = "oom", Environmental = true, FailedStep = "Build", ExitCode = 1 }),
            Result("formats", new EvalTruth { Source = "jenkins", Category = "auth", Environmental = true, FailedStep = "test", ExitCode = 137 }),
            Result("formats", new EvalTruth { Source = "drone", Category = "auth", Environmental = false, FailedStep = "build image", ExitCode = 1 }),
        };

        var report = EvalAggregator.Aggregate("dev", true, results);

        Assert.False(report.Figures.ContainsKey("formats.base.majority.kind_acc"));
        Assert.Equal(2.0 / 3, report.ExtraBaselines["formats.base.majority.kind_acc"]);
        Assert.Equal(2.0 / 3, report.ExtraBaselines["formats.base.majority.origin_acc"]);
        // "build" (ordinal first of the tied steps) also matches "build image".
        Assert.Equal(2.0 / 3, report.ExtraBaselines["formats.base.majority.step_acc"]);
        Assert.Equal(2.0 / 3, report.ExtraBaselines["formats.base.majority.exit_acc"]);
    }

    [Fact]
    public void Aggregate_Keys_SortedOrdinal()
    {
        var results = new[]
        {
            Result("cidiff", new EvalTruth { Source = "1" }, null, new EvalValue("cidiff.p@10", 1), new EvalValue("cidiff.base.tail.p@10", 1), new EvalValue("cidiff.base.diff+keyword.p@10", 1)),
        };

        var report = EvalAggregator.Aggregate("dev", true, results);

        Assert.Equal(["cidiff.base.diff+keyword.p@10", "cidiff.base.tail.p@10", "cidiff.errors", "cidiff.p@10"], report.Figures.Keys);
    }
    [Fact]
    public void Aggregate_CauseLabelledSets_OneReliabilityTableEach()
    {
        var results = new[]
        {
            Result("issues", new EvalTruth { Source = "1", Category = "oom" }) with { Calibration = new(0.9, true, true) },
            Result("issues", new EvalTruth { Source = "2", Category = "oom" }) with { Calibration = new(null, false, false) },
            Result("formats", new EvalTruth { Source = "3", Category = "auth" }) with { Calibration = new(0.5, false, true) },
            Result("logchunks", new EvalTruth { Source = "4" }, null, new EvalValue("logchunks.hit@5", 1)),
        };

        var report = EvalAggregator.Aggregate("dev", true, results);

        Assert.Equal(["issues", "formats"], report.Reliability.Select(r => r.Set));
        Assert.Equal(2, report.Reliability[0].Cases);
        Assert.Equal(0.1, report.Reliability[0].Ece!.Value, 6);
        Assert.Equal(1, report.Reliability[1].Bands.Single(b => b.Label == "0.4–0.6").Cases);
        // The reliability table adds nothing to the figures score.py computes.
        Assert.DoesNotContain(report.Figures.Keys, k => k.Contains("ece", StringComparison.Ordinal));
    }
}
