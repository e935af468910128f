using CiDoctor.Core.Reports;

namespace CiDoctor.History.Flaky;

/// <summary>
/// <code>
/// { "entries": [ { "job": "build", "test": null, "classification": "flaky", "runs": 20, "failures": 4,
///   "failureRate": 0.2, "flipRate": 0.3, "firstBadRun": null, "firstBadCommit": null, "lastSeen": "…", "rotating": false } ] }
/// </code>
/// With <c>--steps</c> each entry also has <c>step</c>.
/// </summary>
internal sealed class FlakyJsonRenderer : IRenderer<FlakyReport>
{
    public void Render(FlakyReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        JsonOutput.Write(output, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("entries");
            foreach (var e in report.Entries)
            {
                var c = e.Classification;
                w.WriteStartObject();
                w.WriteString("job", e.Job);
                if (report.Steps)
                {
                    w.WriteString("step", e.Step);
                }
                w.WriteString("test", e.Test);
                w.WriteString("classification", c.Kind);
                w.WriteNumber("runs", c.Runs);
                w.WriteNumber("failures", c.Failures);
                w.WriteNumber("failureRate", c.FailureRate);
                w.WriteNumber("flipRate", c.FlipRate);
                w.WriteString("firstBadRun", c.FirstBadRun);
                w.WriteString("firstBadCommit", c.FirstBadCommit);
                w.WriteString("lastSeen", c.LastSeen);
                w.WriteBoolean("rotating", c.Rotating);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
