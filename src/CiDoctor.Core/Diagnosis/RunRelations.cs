using CiDoctor.Core.Model;
using CiDoctor.Core.Sources;

namespace CiDoctor.Core.Diagnosis;

/// <summary>
/// Relations between the jobs of a run: a failed job that <c>needs</c> another failed job, or that
/// failed on the same Nix derivation as an earlier job, is a cascade of it; the summary counts root causes among the others (DESIGN.md "JSON output contract").
/// </summary>
internal static class RunRelations
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
        return LinkSameDerivation(result);
    }

    // A failed job whose failed Nix builders all failed first in an earlier job (by start time, else
    // input order) failed on the same derivation: it repeats that job's failure, it is not a new cause.
    private static List<JobDiagnosis> LinkSameDerivation(List<JobDiagnosis> jobs)
    {
        var order = Enumerable.Range(0, jobs.Count)
            .OrderBy(i => IsoTime.Parse(jobs[i].Facts.StartedAt) ?? DateTimeOffset.MaxValue)
            .ThenBy(i => i)
            .ToList();
        var firstFailure = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (int i in order)
        {
            var job = jobs[i];
            if (job.Status != RunStatus.Failed || job.FailedDerivations.Count == 0)
            {
                continue;
            }
            if (job.CascadeOf is null
                && job.FailedDerivations.All(firstFailure.ContainsKey)
                && job.FailedDerivations.Select(d => firstFailure[d]).Distinct(StringComparer.Ordinal).ToList() is [var earlier])
            {
                jobs[i] = job with { CascadeOf = earlier };
                continue;
            }
            foreach (string drv in job.FailedDerivations)
            {
                firstFailure.TryAdd(drv, job.Name);
            }
        }
        return jobs;
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
