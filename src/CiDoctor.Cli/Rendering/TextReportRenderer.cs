using System.Globalization;
using CiDoctor.Core.Model;
using CiDoctor.Core.Reports;
using Spectre.Console;

namespace CiDoctor.Cli.Rendering;

/// <summary>
/// The terminal report: the run at a glance (one line per job), then per failed job its root
/// cause, evidence lines with their numbers, noise and actions, then the patterns across failures.
/// Colour only on a terminal and never when NO_COLOR is set.
/// </summary>
public sealed class TextReportRenderer(bool color) : IReportRenderer
{
    public void Render(RunReport report, TextWriter output)
    {
        var console = Terminal.Create(output, color, 120);
        var s = report.Summary;
        console.MarkupLine($"[bold]CiDoctor[/] — {Markup.Escape(report.Run.Workflow ?? string.Join(", ", report.Sources))}: " +
            $"{s.FailedJobs} failed, {s.PassedJobs} passed of {s.Jobs} job(s)" + (s.Jobs > 1 ? $"; {s.RootCauses} root cause(s){(s.Independent ? ", independent" : "")}" : ""));
        if (s.EarlyFailure)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(RunOverview.EarlyFailureText)}[/]");
        }
        foreach (string note in report.Run.Notes)
        {
            console.MarkupLine($"[yellow]note:[/] {Markup.Escape(note)}");
        }
        var overview = new RunOverview(report);
        if (report.Jobs.Count > 1)
        {
            console.WriteLine();
            foreach (var job in report.Jobs)
            {
                console.MarkupLine(GlanceLine(job));
            }
        }
        foreach (var job in overview.Failed)
        {
            console.WriteLine();
            RenderJob(console, job);
        }
        if (overview.Failed.Count > 1)
        {
            // The early-failure rule is already the header's second line.
            var patterns = overview.Patterns().Where(p => p != RunOverview.EarlyFailureText).ToList();
            if (patterns.Count > 0)
            {
                console.WriteLine();
                console.MarkupLine("[bold]Across failures[/]");
                foreach (string pattern in patterns)
                {
                    console.MarkupLine($"  • {Markup.Escape(pattern)}");
                }
            }
        }
    }

    // One line per job, the run at a glance: verdict mark and colour, then the cause in a few words.
    private static string GlanceLine(JobDiagnosis job)
    {
        string name = Markup.Escape(job.Name);
        if (job.Status is RunStatus.Passed or RunStatus.Skipped)
        {
            return $"[green]✓[/] {name} [grey]— {Names.Of(job.Status)}[/]";
        }
        string cause = job.CascadeOf is not null ? $"follows from {Markup.Escape(job.CascadeOf)}"
            : job.RootCause is { } rc ? $"{Markup.Escape(rc.Title)} [{OriginColor(job.Origin)}]({Names.Of(job.Origin)})[/]"
            : "[grey]cause not recognised[/]";
        return $"[red]✗[/] [bold]{name}[/] — {Names.Of(job.Status)}: {cause}";
    }

    private static string OriginColor(Origin origin) => origin switch
    {
        Origin.Environment => "yellow",
        Origin.Code => "red",
        Origin.Config => "magenta",
        Origin.Flaky => "blue",
        _ => "grey",
    };

    private static void RenderJob(IAnsiConsole console, JobDiagnosis job)
    {
        var head = new List<string> { $"[red]✗[/] [bold]{Markup.Escape(job.Name)}[/] — {Names.Of(job.Status)}" };
        var details = new List<string>();
        if (job.FailedStep is not null)
        {
            details.Add($"step \"{Markup.Escape(job.FailedStep)}\"");
        }
        if (job.ExitCode is int code)
        {
            details.Add($"exit code {code}");
        }
        if (job.CascadeOf is not null)
        {
            details.Add($"follows from {Markup.Escape(job.CascadeOf)}");
        }
        if (details.Count > 0)
        {
            head[0] += $" ({string.Join(", ", details)})";
        }
        console.MarkupLine(head[0]);
        if (job.RootCause is { } rc)
        {
            string originColor = OriginColor(job.Origin);
            console.MarkupLine($"  [bold]Root cause:[/] {Markup.Escape(rc.Title)}");
            console.MarkupLine($"  [{originColor}]{Names.Of(job.Origin)}[/] · {rc.Kind} · {Names.Of(rc.Severity)} · confidence {rc.Confidence.ToString("0.00", CultureInfo.InvariantCulture)} · [grey]{rc.Id}[/]");
            console.MarkupLine($"  {Markup.Escape(rc.Explanation)}");
            foreach (string factor in rc.Factors)
            {
                console.MarkupLine($"  [grey]factor:[/] {Markup.Escape(factor)}");
            }
        }
        else
        {
            // The origin may still come from the job's structure (the CI system's closing line, the exit code).
            console.MarkupLine($"  [bold]Root cause:[/] not recognised — origin [{OriginColor(job.Origin)}]{Names.Of(job.Origin)}[/]; the most informative lines:");
            if (job.OriginReason is { } why)
            {
                console.MarkupLine($"  {Markup.Escape(why)}");
            }
        }
        if (job.History is { } history)
        {
            console.MarkupLine($"  [bold]History:[/] {Markup.Escape(history.Summary)}");
        }
        RenderEvidence(console, job);
        foreach (var noise in job.Noise)
        {
            console.MarkupLine($"  [grey]noise {noise.Line}: {Markup.Escape(Short(noise.Text))} ({noise.Id})[/]");
        }
        foreach (var cascade in job.Cascades.GroupBy(c => c.Name).Take(12))
        {
            console.MarkupLine($"  [grey]cascade:[/] {Markup.Escape(cascade.Key)}{(cascade.Count() > 1 ? $" ×{cascade.Count()}" : "")} ← {Markup.Escape(cascade.First().CausedBy)}");
        }
        if (job.RootCause is { } cause)
        {
            foreach (var action in cause.Actions.OrderBy(a => a.When))
            {
                console.MarkupLine($"  [bold]→[/] {Names.Of(action.When)} ({Names.Of(action.Effort)}): {Markup.Escape(action.Text)}");
            }
        }
        foreach (string warning in job.Facts.Warnings)
        {
            console.MarkupLine($"  [yellow]note:[/] {Markup.Escape(warning)}");
        }
    }

    private static void RenderEvidence(IAnsiConsole console, JobDiagnosis job)
    {
        foreach (var e in job.Evidence.Where(e => e.Source != EvidenceSource.Log))
        {
            console.MarkupLine($"  [bold]{Names.Of(e.Source)}:[/] {Markup.Escape(Short(e.Text))}");
        }
        var lines = job.Evidence.Where(e => e.Line is not null).OrderBy(e => e.Line).ToList();
        if (lines.Count == 0)
        {
            return;
        }
        int width = lines.Max(l => l.Line!.Value).ToString(CultureInfo.InvariantCulture).Length;
        console.MarkupLine($"  [grey]{Markup.Escape(job.File ?? "log")}:[/]");
        foreach (var e in lines)
        {
            string number = e.Line!.Value.ToString(CultureInfo.InvariantCulture).PadLeft(width);
            string text = Markup.Escape(Short(e.Text));
            console.MarkupLine(e.Role == EvidenceRole.Cause
                ? $"  [bold red]>{number}[/] {text}"
                : $"  [grey] {number}[/] {text}");
        }
    }

    private static string Short(string text) => text.Length > 300 ? text[..299] + "…" : text;
}
