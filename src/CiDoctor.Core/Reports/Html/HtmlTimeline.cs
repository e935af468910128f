using System.Globalization;
using CiDoctor.Core.Model;
using static CiDoctor.Core.Reports.Html.HtmlText;
using static CiDoctor.Core.Reports.ReportText;

namespace CiDoctor.Core.Reports.Html;

/// <summary>
/// The run as an inline SVG: one row per job in report order, a bar per step. Steps are placed by
/// their times from run.json on one axis for the whole run (0 = the earliest start); a job without
/// times has its steps placed by their line ranges in its own log (first and last line as a
/// fraction of its line count) across the whole width, and says so; a job with neither is one bar.
/// A failed job's failed step is red and carries a marker with a tooltip, and the row links to
/// the job's section. Colours always come with text (status column, tooltips).
/// </summary>
internal sealed class HtmlTimeline(RunReport report, TextWriter o)
{
    private const double Width = 960;
    private const double ChartX = 250;
    private const double ChartWidth = 600;
    private const double StatusX = ChartX + ChartWidth + 12;
    private const double AxisHeight = 30;
    private const double RowHeight = 26;
    private const double BarHeight = 14;
    private const int MaxLabel = 34;

    // Tick spacings a reader expects on a clock: the first that leaves at most 8 ticks is used.
    private static readonly int[] TickSeconds = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400];

    private DateTimeOffset _start;
    private double _span;
    private bool _timed;

    public void Write()
    {
        var times = report.Jobs.SelectMany(TimesOf).ToList();
        bool timed = _timed = times.Count > 1 && times.Max() > times.Min();
        if (timed)
        {
            _start = times.Min();
            _span = (times.Max() - _start).TotalSeconds;
        }
        var modes = report.Jobs.Select(j => ModeOf(j, timed)).ToList();
        double height = AxisHeight + (report.Jobs.Count * RowHeight) + 8;
        o.WriteLine("<figure class=\"timeline\">");
        o.WriteLine($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Px(Width)} {Px(height)}\" width=\"{Px(Width)}\" height=\"{Px(height)}\" aria-labelledby=\"timeline-title\">");
        o.WriteLine($"<title id=\"timeline-title\">Timeline of {report.Jobs.Count} jobs and their steps</title>");
        WriteAxis(timed, height);
        for (int i = 0; i < report.Jobs.Count; i++)
        {
            WriteRow(report.Jobs[i], i + 1, AxisHeight + (i * RowHeight), modes[i]);
        }
        o.WriteLine("</svg>");
        o.WriteLine($"<figcaption>{Caption(timed, modes)}</figcaption>");
        o.WriteLine("</figure>");
    }

    private enum Scale { Time, Lines, Whole }

    private static Scale ModeOf(JobDiagnosis job, bool timed)
    {
        if (timed && TimesOf(job).Any())
        {
            return Scale.Time;
        }
        return job.Facts.LineCount > 0 && job.Facts.Steps.Any(s => s.FirstLine is not null && s.LastLine is not null) ? Scale.Lines : Scale.Whole;
    }

    private string Caption(bool timed, IReadOnlyList<Scale> modes)
    {
        string text = timed
            ? $"Bars are steps placed by their start and end times from run.json, from the run's first start (0) to its last end ({Duration(_span)})."
            : "No job has start and end times, so bars are steps placed by their line ranges in each job's own log (left = first line, right = last line).";
        if (timed && modes.Contains(Scale.Lines))
        {
            text += " Rows marked “by log lines” have no times: their steps are placed by line ranges in the job's own log across the whole width.";
        }
        if (modes.Contains(Scale.Whole))
        {
            text += " A job with neither times nor steps is one bar.";
        }
        return text + " The failed step of a failed job is red and marked with “!”; select a failed job to go to its section.";
    }

    private void WriteAxis(bool timed, double height)
    {
        o.WriteLine("<g class=\"tl-axis\">");
        if (!timed)
        {
            o.WriteLine($"<text x=\"{Px(ChartX)}\" y=\"18\">first line</text>");
            o.WriteLine($"<text x=\"{Px(ChartX + ChartWidth)}\" y=\"18\" text-anchor=\"end\">last line</text>");
            o.WriteLine("</g>");
            return;
        }
        int step = TickSeconds.FirstOrDefault(s => _span / s <= 8, TickSeconds[^1]);
        for (long t = 0; t <= _span; t += step)
        {
            double x = ChartX + (ChartWidth * t / _span);
            o.WriteLine($"<line x1=\"{Px(x)}\" y1=\"{Px(AxisHeight - 6)}\" x2=\"{Px(x)}\" y2=\"{Px(height - 8)}\"/>");
            o.WriteLine($"<text x=\"{Px(x)}\" y=\"18\" text-anchor=\"middle\">{Tick(t)}</text>");
        }
        o.WriteLine("</g>");
    }

    private void WriteRow(JobDiagnosis job, int index, double y, Scale scale)
    {
        bool failed = RunOverview.IsFailure(job);
        string status = Names.Of(job.Status);
        string css = failed ? "tl-row tl-failed" : "tl-row";
        if (failed)
        {
            o.WriteLine($"<a href=\"#{JobAnchor(index)}\" aria-label=\"{Encode(job.Name)}: {status}; go to its section\">");
        }
        o.WriteLine($"<g class=\"{css}\" data-job=\"{Encode(job.Name)}\">");
        string label = job.Name.Length > MaxLabel ? job.Name[..(MaxLabel - 1)] + "…" : job.Name;
        o.WriteLine($"<text class=\"tl-label\" x=\"{Px(ChartX - 10)}\" y=\"{Px(y + 17)}\" text-anchor=\"end\">{Encode(label)}<title>{Encode(job.Name)}</title></text>");
        o.WriteLine($"<rect class=\"tl-track\" x=\"{Px(ChartX)}\" y=\"{Px(y + 4)}\" width=\"{Px(ChartWidth)}\" height=\"{Px(RowHeight - 8)}\"/>");
        var bars = Bars(job, scale);
        int failedBar = failed ? FailedBar(job, bars) : -1;
        for (int b = 0; b < bars.Count; b++)
        {
            var bar = bars[b];
            string cls = $"tl-bar tl-status-{Names.Of(bar.Status)}{(b == failedBar ? " tl-failed-step" : "")}";
            o.WriteLine($"<rect class=\"{cls}\" x=\"{Px(bar.X)}\" y=\"{Px(y + ((RowHeight - BarHeight) / 2))}\" width=\"{Px(bar.Width)}\" height=\"{Px(BarHeight)}\"><title>{Encode(bar.Title)}</title></rect>");
        }
        if (failedBar >= 0)
        {
            var bar = bars[failedBar];
            double cx = Math.Min(ChartX + ChartWidth - 7, bar.X + bar.Width);
            double cy = y + (RowHeight / 2);
            o.WriteLine($"<g class=\"tl-marker\"><title>Failed here: {Encode(bar.Title)}</title><circle cx=\"{Px(cx)}\" cy=\"{Px(cy)}\" r=\"8\"/><text x=\"{Px(cx)}\" y=\"{Px(cy + 4)}\" text-anchor=\"middle\">!</text></g>");
        }
        string note = scale == Scale.Lines && _timed ? " · by log lines" : "";
        o.WriteLine($"<text class=\"tl-status tl-status-text-{status}\" x=\"{Px(StatusX)}\" y=\"{Px(y + 17)}\">{status}{note}</text>");
        o.WriteLine("</g>");
        if (failed)
        {
            o.WriteLine("</a>");
        }
    }

    private sealed record Bar(double X, double Width, RunStatus Status, string Title, string? Step);

    private List<Bar> Bars(JobDiagnosis job, Scale scale)
    {
        var bars = new List<Bar>();
        var steps = job.Facts.Steps;
        if (scale == Scale.Time)
        {
            foreach (var s in steps)
            {
                if (IsoTime.Parse(s.StartedAt) is { } from && IsoTime.Parse(s.CompletedAt) is { } to && to >= from)
                {
                    bars.Add(TimeBar(from, to, s.Status, $"Step “{s.Name}”: {StepState(s)}, {Clock(from)}–{Clock(to)} UTC ({Duration((to - from).TotalSeconds)})", s.Name));
                }
            }
            if (bars.Count == 0 && IsoTime.Parse(job.Facts.StartedAt) is { } start && IsoTime.Parse(job.Facts.CompletedAt) is { } end && end >= start)
            {
                bars.Add(TimeBar(start, end, job.Status, $"{job.Name}: {Names.Of(job.Status)}, {Clock(start)}–{Clock(end)} UTC ({Duration((end - start).TotalSeconds)}); no step times", null));
            }
        }
        else if (scale == Scale.Lines)
        {
            double lines = job.Facts.LineCount;
            foreach (var s in steps.Where(s => s.FirstLine is not null && s.LastLine is not null))
            {
                double x = ChartX + (ChartWidth * (s.FirstLine!.Value - 1) / lines);
                double w = ChartWidth * (s.LastLine!.Value - s.FirstLine.Value + 1) / lines;
                bars.Add(new Bar(x, Math.Max(2, w), s.Status, $"Step “{s.Name}”: {StepState(s)}, {Lines(s.FirstLine.Value, s.LastLine.Value)} of {Number(job.Facts.LineCount)}", s.Name));
            }
        }
        if (bars.Count == 0)
        {
            string length = job.Facts.DurationSeconds is double d ? $", {Duration(d)}" : "";
            bars.Add(new Bar(ChartX, ChartWidth, job.Status, $"{job.Name}: {Names.Of(job.Status)}{length}; no step times or line ranges", null));
        }
        return bars;
    }

    private Bar TimeBar(DateTimeOffset from, DateTimeOffset to, RunStatus status, string title, string? step)
    {
        double x = ChartX + (ChartWidth * (from - _start).TotalSeconds / _span);
        double w = ChartWidth * (to - from).TotalSeconds / _span;
        // A step of a second or two would be invisible: bars are at least 2 px wide.
        return new Bar(x, Math.Max(2, w), status, title, step);
    }

    // The bar of the failed step: the one named as failed, else the first failed one, else the last bar.
    private static int FailedBar(JobDiagnosis job, List<Bar> bars)
    {
        int named = job.FailedStep is null ? -1 : bars.FindIndex(b => b.Step == job.FailedStep);
        int first = bars.FindIndex(b => b.Status == RunStatus.Failed);
        return named >= 0 ? named : first >= 0 ? first : bars.Count - 1;
    }

    private static string StepState(StepFact s) =>
        Names.Of(s.Status) + (s.ExitCode is int code ? ", exit code " + code.ToString(CultureInfo.InvariantCulture) : "");

    private static string Lines(long first, long last) =>
        first == last ? $"log line {Number(first)}" : $"log lines {Number(first)}–{Number(last)}";

    // Ticks fall on round values: "2m" reads better than "2m0s".
    private static string Tick(long t) =>
        t == 0 ? "0" : t % 3600 == 0 ? $"{t / 3600}h" : t % 60 == 0 ? $"{t / 60}m" : Duration(t);

    private static string Clock(DateTimeOffset t) => t.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static IEnumerable<DateTimeOffset> TimesOf(JobDiagnosis job) =>
        new[] { job.Facts.StartedAt, job.Facts.CompletedAt }
            .Concat(job.Facts.Steps.SelectMany(s => new[] { s.StartedAt, s.CompletedAt }))
            .Select(IsoTime.Parse).OfType<DateTimeOffset>();
}
