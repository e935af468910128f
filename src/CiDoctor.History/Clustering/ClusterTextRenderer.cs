using CiDoctor.Core.Model;
using CiDoctor.Core.Reports;

namespace CiDoctor.History.Clustering;

/// <summary>
/// A count line for the whole store, then per shown cluster its id, size, time span and modes,
/// its jobs and the first lines of its excerpt (and the draft mode of a candidate, when asked):
/// <code>
/// 3 cluster(s) of 9 failed job(s) in history.db; 1 candidate(s) for new catalog modes
///
/// c3f9a2e1  ×4  2026-03-01T10:00:00Z … 2026-03-04T09:12:00Z  resource.disk-full
///   jobs: build
///   | error: No space left on device
/// </code>
/// </summary>
internal sealed class ClusterTextRenderer : IRenderer<ClusterListing>
{
    public void Render(ClusterListing report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var o = output;
        var history = report.History;
        if (history.Failures == 0)
        {
            o.WriteLine($"no failed jobs recorded in {report.Where} (for these filters); record runs with 'cidoctor history add RUN'");
            return;
        }
        int candidates = report.All.Entries.Count(e => e.IsCandidate);
        o.WriteLine($"{report.All.Entries.Count} cluster(s) of {history.Failures} failed job(s) in {report.Where}; {candidates} candidate(s) for new catalog modes" +
            (history.WithoutText > 0 ? $"; {history.WithoutText} failed job(s) without a cause line left out" : ""));
        foreach (var e in report.Shown.Entries)
        {
            var c = e.Cluster;
            string modes = e.Modes.Count > 0 ? string.Join(", ", e.Modes)
                : e.Draft is null ? "no mode (candidate; no stable text to draft a mode from)"
                : $"no mode (candidate: {e.Draft.Id})";
            o.WriteLine();
            o.WriteLine($"{c.Id}  ×{c.Count}  {Time(c.FirstSeen)} … {Time(c.LastSeen)}  {modes}");
            o.WriteLine($"  jobs: {string.Join(", ", c.Jobs)}");
            foreach (string line in c.Excerpt.Split('\n').Take(3))
            {
                o.WriteLine($"  | {line.TrimEnd('\r')}");
            }
            if (report.WithDrafts && e.Draft is { } draft)
            {
                o.WriteLine($"  draft ({draft.Path}):");
                foreach (string line in draft.Yaml.TrimEnd('\n').Split('\n'))
                {
                    o.WriteLine($"    {line}");
                }
            }
        }
    }

    // ISO 8601 UTC to the second, as the JSON has it.
    private static string Time(DateTimeOffset? t) => t is null ? "-" : IsoTime.Format(t.Value);
}
