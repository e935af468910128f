using CiDoctor.Core.Reports;

namespace CiDoctor.Env.Drift;

/// <summary>
/// <code>
/// 2 difference(s) between a.json (A) and b.json (B):
///   tool-missing  jq: …
/// </code>
/// </summary>
internal sealed class DriftTextRenderer : IRenderer<DriftReport>
{
    public void Render(DriftReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var drift = report.Drift;
        if (!drift.Drift)
        {
            output.WriteLine($"no drift between {report.A} (A) and {report.B} (B)");
            return;
        }
        output.WriteLine($"{drift.Differences.Count} difference(s) between {report.A} (A) and {report.B} (B):");
        foreach (var d in drift.Differences)
        {
            output.WriteLine($"  {d.Kind,-13} {d.Name}: {d.Detail}");
        }
    }
}
