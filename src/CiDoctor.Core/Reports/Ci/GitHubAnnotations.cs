using CiDoctor.Core.Model;

namespace CiDoctor.Core.Reports.Ci;

/// <summary>
/// The annotations for a report: one <c>::error</c> per root cause (mode id) naming the jobs it
/// broke and the jobs that failed as a consequence, one <c>::warning</c> per failed job whose cause
/// was not recognised. GitHub shows at most 10 error and 10 warning annotations per step (REST
/// "Create a check run", <c>output.annotations</c>), so past the cap the last one of a level
/// summarises the rest.
/// </summary>
internal static class GitHubAnnotations
{
    /// <summary>Annotations of one level GitHub shows per step.</summary>
    public const int PerLevelCap = 10;

    // A title lists this many jobs, then "and N more": it is a one-line heading on the run page.
    private const int TitleJobs = 3;

    public static IReadOnlyList<GitHubAnnotation> Build(RunReport report, RepoFileLocator locator)
    {
        var errors = new List<GitHubAnnotation>();
        var warnings = new List<GitHubAnnotation>();
        foreach (var group in CauseGroup.Of(report))
        {
            var location = group.Jobs.Select(j => locator.Find(j)).FirstOrDefault(l => l is not null);
            if (group.Cause is { } cause)
            {
                errors.Add(new GitHubAnnotation("error", $"{JobList(group.Jobs)}: {cause.Title}", CauseMessage(group, cause), location));
            }
            else
            {
                warnings.Add(new GitHubAnnotation("warning", $"{JobList(group.Jobs)}: cause not recognised", UnknownMessage(group), location));
            }
        }
        return [.. Cap(errors, "error", "root causes"), .. Cap(warnings, "warning", "failed jobs with no recognised cause")];
    }

    private static string CauseMessage(CauseGroup group, RootCause cause)
    {
        string text = OneLine(cause.Explanation);
        if (group.Jobs.Count > 1)
        {
            text += $" Jobs: {string.Join(", ", group.Jobs.Select(j => j.Name))}.";
        }
        return text + Consequences(group) + $" ({cause.Id}, {Names.Of(group.Jobs[0].Origin)})";
    }

    private static string UnknownMessage(CauseGroup group)
    {
        var lead = CauseGroup.Lead(group.Jobs[0]);
        string text = lead is null
            ? "No catalog mode matched and no error line stood out; see the step summary."
            : $"No catalog mode matched; most informative line{(lead.Line is long n ? $" ({n})" : "")}: {OneLine(lead.Text)}";
        return text + Consequences(group);
    }

    private static string Consequences(CauseGroup group) => group.Cascades.Count == 0
        ? ""
        : $" Also failed as a consequence: {string.Join(", ", group.Cascades.Select(j => j.Name))}.";

    private static IEnumerable<GitHubAnnotation> Cap(List<GitHubAnnotation> annotations, string level, string what)
    {
        if (annotations.Count <= PerLevelCap)
        {
            return annotations;
        }
        var rest = annotations.Skip(PerLevelCap - 1).ToList();
        var summary = new GitHubAnnotation(level, $"{rest.Count} more {what}",
            "See the step summary for: " + string.Join("; ", rest.Select(a => a.Title)) + ".");
        return [.. annotations.Take(PerLevelCap - 1), summary];
    }

    private static string JobList(IReadOnlyList<JobDiagnosis> jobs) => jobs.Count <= TitleJobs
        ? string.Join(", ", jobs.Select(j => j.Name))
        : string.Join(", ", jobs.Take(TitleJobs).Select(j => j.Name)) + $" and {jobs.Count - TitleJobs} more";

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
