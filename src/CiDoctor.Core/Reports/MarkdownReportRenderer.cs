using System.Globalization;
using CiDoctor.Core.Model;
using static CiDoctor.Core.Reports.ReportText;

namespace CiDoctor.Core.Reports;

/// <summary>
/// The report an engineer would write (shaped like seeds/000): a header, a summary, then per
/// failed job its details, root cause, evidence, cascades, noise, factors and actions.
/// </summary>
internal sealed class MarkdownReportRenderer : IReportRenderer
{
    public void Render(RunReport report, TextWriter output)
    {
        var o = output;
        var run = report.Run;
        var overview = new RunOverview(report);
        string title = run.Workflow ?? string.Join(", ", report.Sources);
        o.WriteLine($"# CI failure analysis: {Escape(title)}");
        o.WriteLine();
        Field(o, "Repository", run.Repository);
        Field(o, "Workflow", run.Workflow);
        Field(o, "Run", run.RunId);
        Field(o, "Branch", run.Branch);
        Field(o, "Commit", run.Commit);
        Field(o, "Trigger", run.Event);
        Field(o, "Date", run.StartedAt);
        Field(o, "Duration", overview.RunDuration is double rd ? Duration(rd) : null);
        var s = report.Summary;
        o.WriteLine($"**Result**: {Count(s.FailedJobs, "failure")}, {s.PassedJobs} passed");
        o.WriteLine();
        foreach (string note in run.Notes)
        {
            o.WriteLine($"> Note: {Escape(note)}");
            o.WriteLine();
        }
        WriteSummary(overview, o);
        int n = 0;
        foreach (var job in overview.Failed)
        {
            n++;
            o.WriteLine("---");
            o.WriteLine();
            WriteJob(overview, job, n, o);
        }
        WritePatterns(overview, o);
        WriteActions(overview, o);
        var passed = report.Jobs.Where(j => j.Status == RunStatus.Passed).ToList();
        if (passed.Count > 0)
        {
            o.WriteLine("---");
            o.WriteLine();
            o.WriteLine("## Passed jobs");
            o.WriteLine();
            foreach (var job in passed)
            {
                o.WriteLine($"- {Escape(job.Name)}");
            }
            o.WriteLine();
        }
    }

    private static void WriteSummary(RunOverview overview, TextWriter o)
    {
        var failed = overview.Failed;
        o.WriteLine("## Executive summary");
        o.WriteLine();
        if (failed.Count == 0)
        {
            o.WriteLine("No failed job.");
            o.WriteLine();
            return;
        }
        int i = 0;
        foreach (var job in failed)
        {
            i++;
            string cause = job.RootCause is { } rc
                ? $"{Escape(rc.Title)} ({Names.Of(job.Origin)}, {rc.Kind})"
                : "cause not recognised (see the evidence)";
            o.WriteLine($"{i}. **{Escape(job.Name)}** — {cause}; severity {RunOverview.SeverityOf(job)}; scope: {Escape(overview.Scope(job))}");
        }
        o.WriteLine();
        var s = overview.Report.Summary;
        if (overview.Report.Jobs.Count > 1)
        {
            o.WriteLine($"- **Root causes**: {s.RootCauses}{(s.Independent ? " (independent failures, not cascading)" : "")}");
            o.WriteLine();
        }
    }

    private static void WriteJob(RunOverview overview, JobDiagnosis job, int n, TextWriter o)
    {
        o.WriteLine($"## Failure {n}: {Escape(job.Name)}");
        o.WriteLine();
        o.WriteLine("### Job details");
        o.WriteLine();
        Item(o, "Job ID", job.Id);
        Item(o, "Log", job.File);
        Item(o, "Status", Names.Of(job.Status));
        Item(o, "Duration", job.Facts.DurationSeconds is double d ? Duration(d) : null);
        Item(o, "Exit code", job.ExitCode?.ToString(CultureInfo.InvariantCulture));
        Item(o, "Step failed", job.FailedStep is null ? null : $"\"{job.FailedStep}\"");
        Item(o, "Cascade of", job.CascadeOf);
        Item(o, "History", job.History?.Summary);
        o.WriteLine();

        o.WriteLine("### Root cause");
        o.WriteLine();
        if (job.RootCause is { } rc)
        {
            o.WriteLine($"**{Escape(rc.Title)}**");
            o.WriteLine();
            o.WriteLine(rc.Explanation);
            o.WriteLine();
            o.WriteLine($"- **Kind**: {rc.Kind}");
            o.WriteLine($"- **Severity**: {Names.Of(rc.Severity)}");
            o.WriteLine($"- **Origin**: {Names.Of(job.Origin)}");
            o.WriteLine($"- **Confidence**: {rc.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}");
            o.WriteLine($"- **Mode**: `{rc.Id}`");
        }
        else
        {
            // The origin may still come from the job's structure (the CI system's closing line, the exit code).
            o.WriteLine($"**Not recognised.** {job.OriginReason ?? "No catalog mode matched; the lines below are the most informative ones found."}");
            o.WriteLine();
            o.WriteLine($"- **Origin**: {Names.Of(job.Origin)}");
        }
        o.WriteLine();

        WriteEvidence(job, o);

        if (job.Cascades.Count > 0)
        {
            o.WriteLine("### Cascading failures");
            o.WriteLine();
            o.WriteLine($"{Count(job.Cascades.Count, "derivation")} failed only because a dependency failed:");
            o.WriteLine();
            foreach (var group in job.Cascades.GroupBy(c => (c.Name, c.CausedBy)))
            {
                string count = group.Count() > 1 ? $" ({group.Count()} instances)" : "";
                o.WriteLine($"- `{group.Key.Name}`{count} — caused by `{group.Key.CausedBy}`");
            }
            o.WriteLine();
        }

        if (job.Noise.Count > 0)
        {
            o.WriteLine("### Noise (looks like an error, is not the cause)");
            o.WriteLine();
            foreach (var noise in job.Noise)
            {
                o.WriteLine($"- line {noise.Line}: `{Code(noise.Text)}` — `{noise.Id}`");
            }
            o.WriteLine();
        }

        if (job.RootCause is { Factors.Count: > 0 } withFactors)
        {
            o.WriteLine("### Contributing factors");
            o.WriteLine();
            int i = 0;
            foreach (string factor in withFactors.Factors)
            {
                o.WriteLine($"{++i}. {factor}");
            }
            o.WriteLine();
        }

        if (job.Facts.OtherFindings.Count > 0)
        {
            o.WriteLine("### Other findings");
            o.WriteLine();
            foreach (var f in job.Facts.OtherFindings)
            {
                o.WriteLine($"- line {f.Line}: {Escape(f.Title)} (`{f.Id}`, {Names.Of(f.Origin)})");
            }
            o.WriteLine();
        }

        o.WriteLine("### Impact");
        o.WriteLine();
        foreach (string line in overview.Impact(job))
        {
            o.WriteLine($"- {Escape(line)}");
        }
        o.WriteLine();

        foreach (string warning in job.Facts.Warnings)
        {
            o.WriteLine($"> Note: {warning}");
            o.WriteLine();
        }
    }

    private static void WritePatterns(RunOverview overview, TextWriter o)
    {
        var patterns = overview.Patterns();
        if (patterns.Count == 0)
        {
            return;
        }
        o.WriteLine("---");
        o.WriteLine();
        o.WriteLine("## Cross-failure patterns");
        o.WriteLine();
        foreach (string pattern in patterns)
        {
            o.WriteLine($"- {Escape(pattern)}");
        }
        o.WriteLine();
    }

    private static void WriteActions(RunOverview overview, TextWriter o)
    {
        var actions = overview.Actions();
        if (actions.Count == 0)
        {
            return;
        }
        o.WriteLine("---");
        o.WriteLine();
        o.WriteLine("## Recommended actions");
        foreach (var group in actions.GroupBy(a => a.Action.When))
        {
            o.WriteLine();
            o.WriteLine($"### {When(group.Key)}");
            o.WriteLine();
            foreach (var a in group)
            {
                o.WriteLine($"- {a.Action.Text} — effort: {Names.Of(a.Action.Effort)}; for: {Escape(string.Join("; ", a.Causes))}");
            }
        }
        o.WriteLine();
        var principles = overview.Principles();
        if (principles.Count > 0)
        {
            o.WriteLine("## Principles");
            o.WriteLine();
            foreach (string principle in principles)
            {
                o.WriteLine($"- {Escape(principle)}");
            }
            o.WriteLine();
        }
    }

    private static void WriteEvidence(JobDiagnosis job, TextWriter o)
    {
        if (job.Evidence.Count == 0)
        {
            return;
        }
        o.WriteLine("### Evidence");
        o.WriteLine();
        var annotations = job.Evidence.Where(e => e.Source == EvidenceSource.Annotation).ToList();
        if (annotations.Count > 0)
        {
            o.WriteLine("Runner annotation:");
            o.WriteLine("```");
            foreach (var a in annotations)
            {
                o.WriteLine(Fence(a.Text));
            }
            o.WriteLine("```");
            o.WriteLine();
        }
        var lines = job.Evidence.Where(e => e.Source == EvidenceSource.Log && e.Line is not null).OrderBy(e => e.Line).ToList();
        if (lines.Count > 0)
        {
            int width = lines.Max(l => l.Line!.Value).ToString(CultureInfo.InvariantCulture).Length;
            o.WriteLine($"From `{job.File ?? "log"}` (`>` marks cause lines):");
            o.WriteLine("```");
            long? previous = null;
            foreach (var e in lines)
            {
                if (previous is long p && e.Line > p + 1)
                {
                    o.WriteLine(new string(' ', width + 2) + "…");
                }
                string mark = e.Role == EvidenceRole.Cause ? ">" : " ";
                o.WriteLine($"{mark}{e.Line!.Value.ToString(CultureInfo.InvariantCulture).PadLeft(width)} | {Fence(e.Text)}");
                previous = e.Line;
            }
            o.WriteLine("```");
            o.WriteLine();
            foreach (var labelled in lines.Where(l => l.Label is not null && l.Role == EvidenceRole.Context).DistinctBy(l => l.Label))
            {
                o.WriteLine($"- line {labelled.Line}: {Escape(labelled.Label!)}");
            }
            if (lines.Any(l => l.Label is not null && l.Role == EvidenceRole.Context))
            {
                o.WriteLine();
            }
        }
    }

    private static void Field(TextWriter o, string name, string? value)
    {
        if (value is not null)
        {
            o.WriteLine($"**{name}**: {Escape(value)}  ");
        }
    }

    private static void Item(TextWriter o, string name, string? value)
    {
        if (value is not null)
        {
            o.WriteLine($"- **{name}**: {Escape(value)}");
        }
    }

    // Markdown outside code: keep it readable, neutralise what would start markup.
    private static string Escape(string text) => text.Replace("<", "&lt;", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    // Inside a fenced block a line of ``` would close the fence.
    private static string Fence(string text) => text.Replace("```", "`\u200b``", StringComparison.Ordinal);

    private static string Code(string text) => text.Replace("`", "'", StringComparison.Ordinal);
}
