using CiDoctor.Testing;
using Xunit.Abstractions;

namespace CiDoctor.Core.Tests.Diff;

/// <summary>
/// Issue 6's acceptance on the CiDiff dev cases: <c>cidoctor diff</c> reports at least 95% of
/// the labelled error lines as new, and fewer lines than a plain LCS diff of the raw logs.
/// Prints the table of docs/ACCURACY.md (run with <c>--logger "console;verbosity=detailed"</c>).
/// </summary>
public class LogDiffAccuracyTests(ITestOutputHelper output)
{
    [DevDataFact]
    public void Compare_CiDiffDevCases_KeepsErrorLinesWithFewerLinesThanLcs()
    {
        var cases = DiffAccuracy.Measure(Repo.EvalDev!);
        output.WriteLine(DiffAccuracy.Table(cases));
        Assert.True(cases.Count >= 30, $"only {cases.Count} CiDiff cases with a pass.log under {Repo.EvalDev}");
        double recall = DiffAccuracy.Recall(cases);
        Assert.True(recall >= 0.95, $"recall of labelled error lines {recall:0.000} < 0.95");
        Assert.True(cases.Sum(c => c.Ours) < cases.Sum(c => c.PlainLcs), $"{cases.Sum(c => c.Ours)} lines reported, plain LCS {cases.Sum(c => c.PlainLcs)}");
    }
}

/// <summary>A fact that needs ../shared/eval/dev; skipped, with the reason shown, when it is absent (xunit 2 has no runtime skip).</summary>
public sealed class DevDataFactAttribute : FactAttribute
{
    public DevDataFactAttribute()
    {
        if (Repo.EvalDev is null)
        {
            Skip = "needs ../shared/eval/dev next to the repository (the labelled evaluation data)";
        }
    }
}
