using CiDoctor.Core.Model;
using CiDoctor.Core.Reports.Html;
using static CiDoctor.Core.Reports.Html.HtmlText;
using static CiDoctor.Core.Reports.ReportText;

namespace CiDoctor.Core.Reports;

/// <summary>
/// The Markdown report's content as one self-contained HTML page (inline style and script, no
/// network): header, executive summary, a timeline of jobs and steps (<see cref="HtmlTimeline"/>),
/// a section per failure with evidence that expands to its surrounding lines
/// (<see cref="HtmlEvidence"/>, from <see cref="JobDiagnosis.Excerpts"/> when they were read),
/// cross-failure patterns, actions by when, principles and the passed jobs. Output depends only on
/// the report: no time, no random id. Section ids are <c>job-N</c> and line ids <c>jN-L320</c>,
/// N being the job's 1-based position in the report.
/// </summary>
public sealed class HtmlReportRenderer : IReportRenderer
{
    // Nothing may load from anywhere, even if a future change forgot to encode something.
    private const string Policy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

    // Evidence lines expand to the lines around them: the pipeline reads them for this format only.
    public bool ShowsExcerpts => true;

    public void Render(RunReport report, TextWriter output)
    {
        var o = output;
        var overview = new RunOverview(report);
        // By reference: two jobs may be equal records (same name, no log) and still be two rows.
        var index = new Dictionary<JobDiagnosis, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < report.Jobs.Count; i++)
        {
            index[report.Jobs[i]] = i + 1;
        }
        string title = "CI failure analysis: " + (report.Run.Workflow ?? string.Join(", ", report.Sources));
        o.WriteLine("<!DOCTYPE html>");
        o.WriteLine("<html lang=\"en\">");
        o.WriteLine("<head>");
        o.WriteLine("<meta charset=\"utf-8\">");
        o.WriteLine($"<meta http-equiv=\"Content-Security-Policy\" content=\"{Policy}\">");
        o.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        o.WriteLine($"<title>{Encode(title)}</title>");
        o.WriteLine("<style>");
        o.WriteLine(HtmlAssets.Style);
        o.WriteLine("</style>");
        o.WriteLine("</head>");
        o.WriteLine("<body>");
        WriteHeader(overview, title, index, o);
        o.WriteLine("<main>");
        WriteSummary(overview, index, o);
        o.WriteLine("<section id=\"timeline\" aria-labelledby=\"timeline-h\">");
        o.WriteLine("<h2 id=\"timeline-h\">Timeline</h2>");
        new HtmlTimeline(report, o).Write();
        o.WriteLine("</section>");
        int n = 0;
        foreach (var job in overview.Failed)
        {
            HtmlFailureSection.Write(overview, job, ++n, index, o);
        }
        WritePatterns(overview, o);
        WriteActions(overview, o);
        var passed = report.Jobs.Where(j => j.Status == RunStatus.Passed).ToList();
        if (passed.Count > 0)
        {
            o.WriteLine("<section id=\"passed\" aria-labelledby=\"passed-h\">");
            o.WriteLine("<h2 id=\"passed-h\">Passed jobs</h2>");
            List(o, passed.Select(j => Encode(j.Name)));
            o.WriteLine("</section>");
        }
        o.WriteLine("</main>");
        o.WriteLine("<footer><p class=\"note\">Written by CiDoctor. Log lines are shown with ANSI escapes and timestamps removed and secrets masked.</p></footer>");
        o.WriteLine("<script>");
        o.WriteLine(HtmlAssets.Script);
        o.WriteLine("</script>");
        o.WriteLine("</body>");
        o.WriteLine("</html>");
    }

    private static void WriteHeader(RunOverview overview, string title, Dictionary<JobDiagnosis, int> index, TextWriter o)
    {
        var run = overview.Report.Run;
        o.WriteLine("<header>");
        o.WriteLine($"<h1>{Encode(title)}</h1>");
        o.WriteLine("<dl class=\"facts\">");
        Field(o, "Repository", Encode(run.Repository));
        Field(o, "Workflow", Encode(run.Workflow));
        // Only a web address becomes a link: run.json is input, and a javascript: URL is not a run.
        bool web = run.Url is not null && (run.Url.StartsWith("https://", StringComparison.Ordinal) || run.Url.StartsWith("http://", StringComparison.Ordinal));
        Field(o, "Run", run.RunId is null ? null : web ? $"<a href=\"{Encode(run.Url)}\">{Encode(run.RunId)}</a>" : Encode(run.RunId));
        Field(o, "Branch", Encode(run.Branch));
        Field(o, "Commit", run.Commit is null ? null : $"<code>{Encode(run.Commit)}</code>");
        Field(o, "Trigger", Encode(run.Event));
        Field(o, "Date", Encode(run.StartedAt));
        Field(o, "Duration", overview.RunDuration is double d ? Duration(d) : null);
        var s = overview.Report.Summary;
        Field(o, "Result", $"<strong>{ReportText.Count(s.FailedJobs, "failure")}, {s.PassedJobs} passed</strong>");
        o.WriteLine("</dl>");
        o.WriteLine("<nav aria-label=\"Sections\"><ul>");
        o.WriteLine("<li><a href=\"#summary\">Executive summary</a></li>");
        o.WriteLine("<li><a href=\"#timeline\">Timeline</a></li>");
        int n = 0;
        foreach (var job in overview.Failed)
        {
            o.WriteLine($"<li><a href=\"#{JobAnchor(index[job])}\">Failure {++n}: {Encode(job.Name)}</a></li>");
        }
        o.WriteLine("<li><a href=\"#actions\">Recommended actions</a></li>");
        o.WriteLine("</ul></nav>");
        o.WriteLine("</header>");
    }

    private static void WriteSummary(RunOverview overview, Dictionary<JobDiagnosis, int> index, TextWriter o)
    {
        var s = overview.Report.Summary;
        o.WriteLine("<section id=\"summary\" aria-labelledby=\"summary-h\">");
        o.WriteLine("<h2 id=\"summary-h\">Executive summary</h2>");
        if (overview.Failed.Count == 0)
        {
            o.WriteLine("<p>No failed job.</p>");
        }
        else
        {
            o.WriteLine("<ol class=\"failures\">");
            foreach (var job in overview.Failed)
            {
                string cause = job.RootCause is { } rc
                    ? $"{Encode(rc.Title)} ({Names.Of(job.Origin)}, {Encode(rc.Kind)})"
                    : "cause not recognised (see the evidence)";
                string independent = s.Independent && job.CascadeOf is null ? "; <span class=\"independent\">independent</span>" : "";
                o.WriteLine($"<li><a href=\"#{JobAnchor(index[job])}\"><strong>{Encode(job.Name)}</strong></a> — {cause}; {Severity(RunOverview.SeverityOf(job))}; scope: {Encode(overview.Scope(job))}{independent}</li>");
            }
            o.WriteLine("</ol>");
        }
        if (overview.Report.Jobs.Count > 1 && overview.Failed.Count > 0)
        {
            o.WriteLine("<ul>");
            o.WriteLine($"<li><strong>Root causes</strong>: {s.RootCauses}{(s.Independent ? " (independent failures, not cascading)" : "")}</li>");
            o.WriteLine("</ul>");
        }
        o.WriteLine("</section>");
    }

    private static void WritePatterns(RunOverview overview, TextWriter o)
    {
        var patterns = overview.Patterns();
        if (patterns.Count == 0)
        {
            return;
        }
        o.WriteLine("<section id=\"patterns\" aria-labelledby=\"patterns-h\">");
        o.WriteLine("<h2 id=\"patterns-h\">Cross-failure patterns</h2>");
        List(o, patterns.Select(Encode));
        o.WriteLine("</section>");
    }

    private static void WriteActions(RunOverview overview, TextWriter o)
    {
        var actions = overview.Actions();
        o.WriteLine("<section id=\"actions\" aria-labelledby=\"actions-h\">");
        o.WriteLine("<h2 id=\"actions-h\">Recommended actions</h2>");
        if (actions.Count == 0)
        {
            o.WriteLine("<p>No recommended action: no failure was recognised.</p>");
        }
        foreach (var group in actions.GroupBy(a => a.Action.When))
        {
            o.WriteLine($"<h3>{When(group.Key)}</h3>");
            List(o, group.Select(a =>
                $"{Inline(a.Action.Text)} — <span class=\"effort\">effort: {Names.Of(a.Action.Effort)}</span>; for: {Encode(string.Join("; ", a.Causes))}"));
        }
        var principles = overview.Principles();
        if (principles.Count > 0)
        {
            o.WriteLine("<h3 id=\"principles\">Principles</h3>");
            List(o, principles.Select(Inline));
        }
        o.WriteLine("</section>");
    }
}
