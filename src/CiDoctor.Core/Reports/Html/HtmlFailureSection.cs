using System.Globalization;
using CiDoctor.Core.Model;
using static CiDoctor.Core.Reports.Html.HtmlText;
using static CiDoctor.Core.Reports.ReportText;

namespace CiDoctor.Core.Reports.Html;

/// <summary>
/// One failed job in the HTML report, as the Markdown report has it: job details, root cause,
/// evidence (<see cref="HtmlEvidence"/>), cascading failures, noise, contributing factors, other
/// findings, impact and notes. Noise lines are anchored like evidence lines.
/// </summary>
internal static class HtmlFailureSection
{
    /// <summary>Writes the section of failure number <paramref name="n"/>; <paramref name="indexes"/> gives each job's position in the report.</summary>
    public static void Write(RunOverview overview, JobDiagnosis job, int n, IReadOnlyDictionary<JobDiagnosis, int> indexes, TextWriter o)
    {
        int index = indexes[job];
        string anchor = JobAnchor(index);
        o.WriteLine($"<section class=\"failure\" id=\"{anchor}\" aria-labelledby=\"{anchor}-h\">");
        o.WriteLine($"<h2 id=\"{anchor}-h\">Failure {n}: {Encode(job.Name)}</h2>");
        o.WriteLine("<h3>Job details</h3>");
        o.WriteLine("<dl class=\"facts\">");
        Field(o, "Job ID", Encode(job.Id));
        Field(o, "Log", job.File is null ? null : $"<code>{Encode(job.File)}</code>");
        Field(o, "Status", Names.Of(job.Status));
        Field(o, "Duration", job.Facts.DurationSeconds is double d ? Duration(d) : null);
        Field(o, "Exit code", job.ExitCode?.ToString(CultureInfo.InvariantCulture));
        Field(o, "Step failed", job.FailedStep is null ? null : $"“{Encode(job.FailedStep)}”");
        var leader = overview.Failed.FirstOrDefault(f => f.Name == job.CascadeOf);
        Field(o, "Cascade of", job.CascadeOf is null ? null : leader is null ? Encode(job.CascadeOf) : $"<a href=\"#{JobAnchor(indexes[leader])}\">{Encode(job.CascadeOf)}</a>");
        o.WriteLine("</dl>");

        o.WriteLine("<h3>Root cause</h3>");
        if (job.RootCause is { } rc)
        {
            o.WriteLine($"<p><strong>{Encode(rc.Title)}</strong></p>");
            o.WriteLine($"<p>{Inline(rc.Explanation)}</p>");
            o.WriteLine("<dl class=\"facts\">");
            Field(o, "Kind", Encode(rc.Kind));
            Field(o, "Severity", Severity(Names.Of(rc.Severity)));
            Field(o, "Origin", Names.Of(job.Origin));
            Field(o, "Confidence", rc.Confidence.ToString("0.00", CultureInfo.InvariantCulture));
            Field(o, "Mode", $"<code>{Encode(rc.Id)}</code>");
            o.WriteLine("</dl>");
        }
        else
        {
            // The origin may still come from the job's structure (the CI system's closing line, the exit code).
            string why = job.OriginReason ?? "No catalog mode matched; the lines below are the most informative ones found.";
            o.WriteLine($"<p><strong>Not recognised.</strong> {Inline(why)}</p>");
            o.WriteLine($"<dl class=\"facts\"><dt>Origin</dt><dd>{Names.Of(job.Origin)}</dd></dl>");
        }

        var evidence = new HtmlEvidence(job, index, o);
        evidence.Write();

        if (job.Cascades.Count > 0)
        {
            o.WriteLine("<h3>Cascading failures</h3>");
            o.WriteLine($"<p>{ReportText.Count(job.Cascades.Count, "derivation")} failed only because a dependency failed:</p>");
            List(o, job.Cascades.GroupBy(c => (c.Name, c.CausedBy)).Select(g =>
                $"<code>{Encode(g.Key.Name)}</code>{(g.Count() > 1 ? $" ({g.Count()} instances)" : "")} — caused by <code>{Encode(g.Key.CausedBy)}</code>"));
        }
        if (job.Noise.Count > 0)
        {
            o.WriteLine("<h3>Noise (looks like an error, is not the cause)</h3>");
            o.WriteLine("<ul class=\"noise\">");
            foreach (var noise in job.Noise)
            {
                o.WriteLine($"<li{evidence.IdOnce(noise.Line)}>line {evidence.Link(noise.Line)}: <code>{Encode(noise.Text)}</code> — <code>{Encode(noise.Id)}</code></li>");
            }
            o.WriteLine("</ul>");
        }
        if (job.RootCause is { Factors.Count: > 0 } withFactors)
        {
            o.WriteLine("<h3>Contributing factors</h3>");
            List(o, withFactors.Factors.Select(Inline), ordered: true);
        }
        if (job.Facts.OtherFindings.Count > 0)
        {
            o.WriteLine("<h3>Other findings</h3>");
            List(o, job.Facts.OtherFindings.Select(f =>
                $"line {(evidence.IsAnchored(f.Line) ? evidence.Link(f.Line) : Number(f.Line))}: {Encode(f.Title)} (<code>{Encode(f.Id)}</code>, {Names.Of(f.Origin)})"));
        }
        o.WriteLine("<h3>Impact</h3>");
        List(o, overview.Impact(job).Select(Encode));
        foreach (string warning in job.Facts.Warnings)
        {
            o.WriteLine($"<p class=\"note\">Note: {Encode(warning)}</p>");
        }
        o.WriteLine("</section>");
    }
}
