using System.Globalization;
using CiDoctor.Core.Reports;

namespace CiDoctor.History.Flaky;

/// <summary>
/// One line per entry, the classification first:
/// <code>
/// CLASSIFICATION  RUNS FAILED FLIPS  WHAT
/// flaky              20      4  0.30  build › test TestRetry  since run 1487 (commit 3f9c2a1)
/// </code>
/// </summary>
internal sealed class FlakyTextRenderer : IRenderer<FlakyReport>
{
    public void Render(FlakyReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        if (report.Entries.Count == 0)
        {
            output.WriteLine("no runs recorded (for these filters); record runs with 'cidoctor history add RUN'");
            return;
        }
        output.WriteLine($"{"CLASSIFICATION",-14} {"RUNS",5} {"FAILED",6} {"FLIPS",5}  WHAT");
        foreach (var e in report.Entries)
        {
            var c = e.Classification;
            string what = e.Test is not null ? $"{e.Job} › test {e.Test}" : e.Step is not null ? $"{e.Job} › step {e.Step}" : e.Job;
            string since = c.FirstBadRun is null ? "" : $"  since run {c.FirstBadRun}" + (c.FirstBadCommit is null ? "" : $" (commit {c.FirstBadCommit})");
            string rotating = c.Rotating ? "  rotating" : "";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Kind,-14} {c.Runs,5} {c.Failures,6} {c.FlipRate,5:0.00}  {what}{since}{rotating}"));
        }
    }
}
