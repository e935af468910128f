using CiDoctor.Core.Diagnosis;
using CiDoctor.Core.Model;
using static CiDoctor.Core.Reports.Html.HtmlText;

namespace CiDoctor.Core.Reports.Html;

/// <summary>
/// A job's evidence in the HTML report: annotations as they are, then the log lines in file
/// order, in groups of nearby lines (those whose ±<see cref="LogExcerpts.DefaultRadius"/> windows
/// overlap), each group followed by a <c>&lt;details&gt;</c> that reveals its surrounding lines
/// (<see cref="JobDiagnosis.Excerpts"/>). Every shown log line has an anchor
/// (<see cref="HtmlText.LineAnchor"/>) and its number links to it; a line shown twice (evidence,
/// then again among its surrounding lines) has the id on its first copy, so ids stay unique.
/// </summary>
internal sealed class HtmlEvidence(JobDiagnosis job, int index, TextWriter o)
{
    private readonly HashSet<long> _anchored = [];

    /// <summary>True when line <paramref name="line"/> of this job's log has its anchor in the page.</summary>
    public bool IsAnchored(long line) => _anchored.Contains(line);

    /// <summary>The id attribute for a line the first time it is shown, else nothing (the link still points to the first copy).</summary>
    public string IdOnce(long line) => _anchored.Add(line) ? $" id=\"{LineAnchor(index, line)}\"" : "";

    /// <summary>The line number as a link to its anchor.</summary>
    public string Link(long line) => $"<a href=\"#{LineAnchor(index, line)}\">{Number(line)}</a>";

    public void Write()
    {
        if (job.Evidence.Count == 0)
        {
            return;
        }
        o.WriteLine("<h3>Evidence</h3>");
        var annotations = job.Evidence.Where(e => e.Source == EvidenceSource.Annotation).ToList();
        if (annotations.Count > 0)
        {
            o.WriteLine("<p>Runner annotation:</p>");
            o.WriteLine($"<pre class=\"annotation\">{string.Join("\n", annotations.Select(a => Encode(a.Text)))}</pre>");
        }
        // One row per line: a line that is both cause and context is shown as cause.
        var lines = job.Evidence.Where(e => e.Source == EvidenceSource.Log && e.Line is not null)
            .OrderBy(e => e.Line).ThenBy(e => e.Role).DistinctBy(e => e.Line).ToList();
        if (lines.Count == 0)
        {
            return;
        }
        o.WriteLine($"<p>From <code>{Encode(job.File ?? "log")}</code>; cause lines are marked <span class=\"role\">cause</span>, the others are context.{(job.Excerpts.Count > 0 ? $" Open a group's surrounding lines to read {Number(LogExcerpts.DefaultRadius)} lines either side." : "")}</p>");
        if (job.Excerpts.Count == 0)
        {
            o.WriteLine($"<p class=\"note\">Surrounding lines are not available for this log{(job.File == "-" ? " (stdin cannot be read a second time)" : "")}.</p>");
        }
        foreach (var (first, last) in LogExcerpts.Ranges(lines.Select(l => l.Line!.Value), LogExcerpts.DefaultRadius, 0))
        {
            var group = lines.Where(l => l.Line >= first && l.Line <= last).ToList();
            WriteGroup(group, job.Excerpts.FirstOrDefault(x => x.Contains(group[0].Line!.Value)));
        }
        var labelled = lines.Where(l => l.Label is not null && l.Role == EvidenceRole.Context).DistinctBy(l => l.Label).ToList();
        if (labelled.Count > 0)
        {
            o.WriteLine("<ul class=\"labels\">");
            foreach (var l in labelled)
            {
                o.WriteLine($"<li>line {Link(l.Line!.Value)}: {Encode(l.Label)}</li>");
            }
            o.WriteLine("</ul>");
        }
    }

    private void WriteGroup(IReadOnlyList<EvidenceLine> group, LogExcerpt? excerpt)
    {
        var roles = group.ToDictionary(l => l.Line!.Value, l => l.Role);
        o.WriteLine("<div class=\"evidence\">");
        o.WriteLine($"<table class=\"log\" aria-label=\"Evidence lines {Range(group[0].Line!.Value, group[^1].Line!.Value)}\"><tbody>");
        long? previous = null;
        foreach (var e in group)
        {
            long n = e.Line!.Value;
            if (previous is long p && n > p + 1)
            {
                o.WriteLine("<tr class=\"gap\"><th scope=\"row\">…</th><td class=\"role\"></td><td class=\"text\"></td></tr>");
            }
            Row(n, e.Text, e.Role);
            previous = n;
        }
        o.WriteLine("</tbody></table>");
        if (excerpt is not null)
        {
            o.WriteLine("<details class=\"surrounding\">");
            o.WriteLine($"<summary>Surrounding lines {Range(excerpt.FirstLine, excerpt.LastLine)}</summary>");
            o.WriteLine($"<table class=\"log\" aria-label=\"Lines {Range(excerpt.FirstLine, excerpt.LastLine)}\"><tbody>");
            for (long n = excerpt.FirstLine; n <= excerpt.LastLine; n++)
            {
                Row(n, excerpt[n], roles.TryGetValue(n, out var role) ? role : null);
            }
            o.WriteLine("</tbody></table>");
            o.WriteLine("</details>");
        }
        o.WriteLine("</div>");
    }

    private void Row(long n, string text, EvidenceRole? role)
    {
        string label = role is { } r ? Names.Of(r) : "";
        string css = label.Length == 0 ? "" : $" class=\"{label}\"";
        o.WriteLine($"<tr{IdOnce(n)}{css}><th scope=\"row\">{Link(n)}</th><td class=\"role\">{label}</td><td class=\"text\">{Encode(text)}</td></tr>");
    }

    private static string Range(long first, long last) => first == last ? Number(first) : $"{Number(first)}–{Number(last)}";
}
