using CiDoctor.Core.Evaluation;
using CiDoctor.Testing;

namespace CiDoctor.Core.Tests.Evaluation;

/// <summary>Per-case values, checked against what score.py computes for the same hand-made cases.</summary>
public sealed class CaseScorerTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    // Twelve lines; line 11 is the labelled error, line 9 context.
    private static readonly string FailLog = EvalCaseWriter.Log(
        "step 1", "step 2", "step 3", "step 4", "step 5", "step 6", "step 7", "step 8", "context here", "", "error: it broke", "done");

    private EvalCase LineCase(EvalTruth truth, string? pass = null)
    {
        string folder = _dir.WriteCase("logchunks/x", FailLog, "{}", pass);
        return new EvalCase(folder, "logchunks/x", EvalSets.LogChunks, truth);
    }

    private static EvalJob Job(params long?[] lines) =>
        new(null, "unknown", null, null, lines.Select(n => new EvalEvidence(n, $"line {n}", IsCause: true)).ToArray());

    private static Dictionary<string, double> Values(IEnumerable<EvalValue> values) => values.ToDictionary(v => v.Key, v => v.Value);

    [Fact]
    public void Score_LineCase_HitAtKAndPrecisionWithContext()
    {
        var truth = new EvalTruth { Source = "logchunks", ErrorLines = [new(11, 12)], ContextLines = [new(9, 9)] };

        var v = Values(CaseScorer.Score(LineCase(truth), Job(20, 1, 2, 3, 4, 11, 9, null)));

        Assert.Equal(0, v["logchunks.hit@5"]);
        Assert.Equal(1, v["logchunks.hit@10"]);
        Assert.Equal(2.0 / 8, v["logchunks.p@10"]);
        Assert.Equal(8, v["logchunks.evidence_lines"]);
    }

    [Fact]
    public void Score_LineCase_OnlyFirstTenLinesCount()
    {
        var truth = new EvalTruth { Source = "logchunks", ErrorLines = [new(11, 11)] };

        var v = Values(CaseScorer.Score(LineCase(truth), Job(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)));

        Assert.Equal(0, v["logchunks.hit@10"]);
        Assert.Equal(0, v["logchunks.p@10"]);
        Assert.Equal(11, v["logchunks.evidence_lines"]);
    }

    [Fact]
    public void Score_LineCaseWithoutJob_ZeroesButBaselines()
    {
        var truth = new EvalTruth { Source = "logchunks", ErrorLines = [new(11, 11)], ContextLines = [new(9, 9)] };

        var v = Values(CaseScorer.Score(LineCase(truth), null));

        Assert.Equal(0, v["logchunks.hit@5"]);
        Assert.Equal(0, v["logchunks.p@10"]);
        Assert.Equal(0, v["logchunks.evidence_lines"]);
        // tail@10: lines 2–12 without the blank line 10 → 2,3,...,9,11,12 (10 lines): 11 is an error, 9 context.
        Assert.Equal(1, v["logchunks.base.tail.hit@10"]);
        Assert.Equal(2.0 / 10, v["logchunks.base.tail.p@10"]);
        Assert.Equal(1, v["logchunks.base.tail.hit@5"]);
        Assert.Equal(1, v["logchunks.base.keyword.hit@10"]);
        Assert.Equal(1.0, v["logchunks.base.keyword.p@10"]);
        Assert.False(v.ContainsKey("logchunks.base.diff.hit@10"));
    }

    [Fact]
    public void Score_LineCaseWithPassLog_DiffBaselines()
    {
        var truth = new EvalTruth { Source = "logchunks", ErrorLines = [new(11, 11)] };
        string pass = EvalCaseWriter.Log("step 9", "done");

        var v = Values(CaseScorer.Score(LineCase(truth, pass), null));

        // New lines: "context here" (9) and "error: it broke" (11); step N lines mask to "step #".
        Assert.Equal(1, v["logchunks.base.diff.hit@5"]);
        Assert.Equal(0.5, v["logchunks.base.diff.p@10"]);
        Assert.Equal(1.0, v["logchunks.base.diff+keyword.p@10"]);
    }

    [Fact]
    public void Score_NoErrorLines_NoValues()
    {
        var truth = new EvalTruth { Source = "logchunks" };

        Assert.Empty(CaseScorer.Score(LineCase(truth), Job(11)));
    }

    [Fact]
    public void Score_BaselineEvidenceLines_MarkedExtra()
    {
        var truth = new EvalTruth { Source = "logchunks", ErrorLines = [new(11, 11)] };

        var values = CaseScorer.Score(LineCase(truth), null);

        Assert.All(values.Where(v => v.Extra), v => Assert.EndsWith("evidence_lines", v.Key, StringComparison.Ordinal));
        Assert.Contains(values, v => v is { Key: "logchunks.base.keyword.evidence_lines", Value: 1, Extra: true });
    }

    private EvalCase CauseCase(EvalTruth truth)
    {
        string folder = _dir.WriteCase("issues/y", EvalCaseWriter.Log("npm ERR! network ECONNRESET", "Error: tar failed", "exit 1"), "{}");
        return new EvalCase(folder, "issues/y", EvalSets.Issues, truth);
    }

    private static EvalJob CauseJob(string? kind, string origin = "environment", string? step = null, long? exit = null) =>
        new(kind, origin, step, exit,
        [
            new EvalEvidence(1, "npm ERR! network ECONNRESET", IsCause: true),
            new EvalEvidence(2, "Error: tar failed", IsCause: false),
        ]);

    [Theory]
    [InlineData("network", "network", null, 1)]
    [InlineData("network", "timeout", null, 0)]
    [InlineData("network", "timeout", "timeout", 1)]
    [InlineData("nix-cascade", "nix-build", null, 1)]
    [InlineData("nix-build", "nix-cascade", null, 0)]
    [InlineData("network", null, null, 0)]
    public void Score_KindAccuracy_CategoryAltOrCascadeRule(string category, string? got, string? alt, int expected)
    {
        var truth = new EvalTruth { Source = "a/b#1", Category = category, AltCategories = alt is null ? [] : [alt] };

        var v = Values(CaseScorer.Score(CauseCase(truth), CauseJob(got)));

        Assert.Equal(expected, v["issues.kind_acc"]);
    }

    [Theory]
    [InlineData(true, "environment", 1)]
    [InlineData(false, "code", 1)]
    [InlineData(false, "environment", 0)]
    [InlineData(false, "unknown", 0)]
    [InlineData(true, "flaky", 0)]
    public void Score_OriginAccuracy_EnvironmentOrNotAndNeverUnknown(bool environmental, string origin, int expected)
    {
        var truth = new EvalTruth { Source = "a/b#1", Environmental = environmental };

        var v = Values(CaseScorer.Score(CauseCase(truth), CauseJob("network", origin)));

        Assert.Equal(expected, v["issues.origin_acc"]);
    }

    [Fact]
    public void Score_NoJob_CauseFiguresZero()
    {
        var truth = new EvalTruth { Source = "a/b#1", Category = "network", Environmental = false, Evidence = ["ECONNRESET"] };

        var v = Values(CaseScorer.Score(CauseCase(truth), null));

        Assert.Equal(0, v["issues.kind_acc"]);
        Assert.Equal(0, v["issues.origin_acc"]);
        Assert.Equal(0, v["issues.evidence_recall"]);
    }

    [Fact]
    public void Score_EvidenceRecall_SubstringsOfAnyEvidenceText()
    {
        var truth = new EvalTruth { Source = "a/b#1", Evidence = ["ECONNRESET", "tar failed", "not shown"] };

        var v = Values(CaseScorer.Score(CauseCase(truth), CauseJob("network")));

        Assert.Equal(2.0 / 3, v["issues.evidence_recall"]);
    }

    [Theory]
    [InlineData("ECONNRESET", "tar failed", 0)]      // the herring is cause text, but so is the evidence
    [InlineData("exit 1", "ECONNRESET", 1)]          // evidence not shown as cause, herring is
    [InlineData("exit 1", "tar failed", 0)]          // the herring is only context
    public void Score_RedHerring_ShownAsCauseWithoutTheEvidence(string evidence, string herring, int expected)
    {
        var truth = new EvalTruth { Source = "a/b#1", Evidence = [evidence], RedHerrings = [herring] };

        var values = CaseScorer.Score(CauseCase(truth), CauseJob("network"));

        Assert.Equal(expected, values.Single(v => v.Key == "issues.red_herring_rate").Value);
    }

    [Theory]
    [InlineData("Build", "  build all outputs ", 1)]
    [InlineData("run the build all outputs step", "build all outputs", 1)]
    [InlineData("test", "build", 0)]
    [InlineData("test", null, 0)]
    [InlineData("test", "  ", 0)]
    public void Score_StepAccuracy_CaseInsensitiveEitherContainsOther(string expected, string? got, int right)
    {
        var truth = new EvalTruth { Source = "a/b#1", FailedStep = expected };

        var v = Values(CaseScorer.Score(CauseCase(truth), CauseJob("network", step: got)));

        Assert.Equal(right, v["issues.step_acc"]);
    }

    [Theory]
    [InlineData(137L, 137L, 1)]
    [InlineData(137L, 1L, 0)]
    [InlineData(0L, null, 0)]
    public void Score_ExitAccuracy_EqualCode(long expected, long? got, int right)
    {
        var truth = new EvalTruth { Source = "a/b#1", ExitCode = expected };

        var v = Values(CaseScorer.Score(CauseCase(truth), CauseJob("network", exit: got)));

        Assert.Equal(right, v["issues.exit_acc"]);
    }

    [Fact]
    public void Score_CauseCase_TextBaselinesFromTheLogTail()
    {
        var truth = new EvalTruth { Source = "a/b#1", Evidence = ["ECONNRESET", "not shown"], RedHerrings = ["tar failed"] };

        var values = CaseScorer.Score(CauseCase(truth), CauseJob("network"));

        Assert.Contains(values, v => v is { Key: "issues.base.tail.evidence_recall", Value: 0.5, Extra: true });
        // tail shows every line, the evidence too; keyword shows only "Error: tar failed", the herring.
        Assert.Contains(values, v => v is { Key: "issues.base.tail.red_herring_rate", Value: 0, Extra: true });
        Assert.Contains(values, v => v is { Key: "issues.base.keyword.red_herring_rate", Value: 1, Extra: true });
    }
}
