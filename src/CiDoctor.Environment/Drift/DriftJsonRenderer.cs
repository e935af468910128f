using CiDoctor.Core.Reports;

namespace CiDoctor.Env.Drift;

/// <summary>
/// <code>
/// { "drift": true, "differences": [ { "kind": "tool-missing", "name": "jq", "missingIn": "B", "a": "1.7", "b": null, "detail": "…" } ] }
/// </code>
/// </summary>
internal sealed class DriftJsonRenderer : IRenderer<DriftReport>
{
    public void Render(DriftReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        JsonOutput.Write(output, w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("drift", report.Drift.Drift);
            w.WriteStartArray("differences");
            foreach (var d in report.Drift.Differences)
            {
                w.WriteStartObject();
                w.WriteString("kind", d.Kind);
                w.WriteString("name", d.Name);
                w.WriteString("missingIn", d.MissingIn);
                w.WriteString("a", d.A);
                w.WriteString("b", d.B);
                w.WriteString("detail", d.Detail);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
