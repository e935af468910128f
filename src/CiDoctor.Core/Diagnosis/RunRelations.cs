using CiDoctor.Core.Model;
using CiDoctor.Core.Sources;

namespace CiDoctor.Core.Diagnosis;

/// <summary>
/// Relations between the jobs of a run: a failed job that <c>needs</c> another failed job is a
/// cascade of it; the summary counts root causes among the others (DESIGN.md "JSON output contract").
/// </summary>
public static class RunRelations
{
    /// <summary>Seconds under which every failed job counts as failing early (seed 001: setup, not code).</summary>
    public const double EarlySeconds = 60;

    public static List<JobDiagnosis> LinkCascades(List<JobDiagnosis> jobs, IReadOnlyList<JobInput> inputs)
    {
        var failed = jobs.Where(j => j.Status == RunStatus.Failed).Select(j => j.Name).ToHashSet(StringComparer.Ordinal);
        var result = new List<JobDiagnosis>(jobs.Count);
        for (int i = 0; i < jobs.Count; i++)
        {
            var job = jobs[i];
            var needs = inputs[i].Meta?.Needs ?? [];
            string? parent = job.Status == RunStatus.Failed ? needs.FirstOrDefault(failed.Contains) : null;
            result.Add(parent is null ? job : job with { CascadeOf = parent });
        }
        return result;
    }

    public static RunSummary Summarise(IReadOnlyList<JobDiagnosis> jobs)
    {
        var failed = jobs.Where(j => j.Status == RunStatus.Failed).ToList();
        var roots = failed.Where(j => j.CascadeOf is null).ToList();
        int unknown = roots.Count(j => j.RootCause is null);
        int causes = roots.Where(j => j.RootCause is not null).Select(j => j.RootCause!.Id).Distinct(StringComparer.Ordinal).Count() + unknown;
        // Cascades are not roots, so what remains are causes that follow from no other job.
        bool independent = causes > 1;
        var durations = failed.Select(j => j.Facts.DurationSeconds).ToList();
        bool early = failed.Count > 0 && durations.All(d => d is not null && d < EarlySeconds);
        return new RunSummary(jobs.Count, failed.Count, jobs.Count(j => j.Status == RunStatus.Passed), causes, independent, early);
    }
}
