using CiDoctor.Core.Model;

namespace CiDoctor.Core.Reports.Ci;

/// <summary>
/// Failed jobs that share one root cause (a mode id), with the jobs that failed only because one
/// of them did (<c>cascadeOf</c>). A job whose cause was not recognised is a group of its own:
/// two unknown causes are not known to be the same.
/// </summary>
/// <param name="Cause">The first job's root cause; null when not recognised.</param>
/// <param name="Jobs">The independent failed jobs, in report order.</param>
/// <param name="Cascades">Jobs whose failure follows from one of <paramref name="Jobs"/>.</param>
internal sealed record CauseGroup(RootCause? Cause, IReadOnlyList<JobDiagnosis> Jobs, IReadOnlyList<JobDiagnosis> Cascades)
{
    /// <summary>The mode id, or <c>unknown</c>.</summary>
    public string Id => Cause?.Id ?? "unknown";

    /// <summary>The line that speaks for a job: its first cause line, else its first evidence line.</summary>
    internal static EvidenceLine? Lead(JobDiagnosis job) =>
        job.Evidence.FirstOrDefault(e => e.Role == EvidenceRole.Cause) ?? (job.Evidence.Count > 0 ? job.Evidence[0] : null);

    /// <summary>
    /// Groups the jobs that failed (or carry a root cause) by root cause, in report order. Passed and
    /// skipped jobs are left out; a cascade joins the group of the job it follows from (through a
    /// chain of cascades), or stands alone when that job is not in the report.
    /// </summary>
    public static IReadOnlyList<CauseGroup> Of(RunReport report)
    {
        var considered = report.Jobs
            .Where(j => j.Status is not (RunStatus.Passed or RunStatus.Skipped))
            .Where(j => j.RootCause is not null || j.Status == RunStatus.Failed)
            .ToList();
        var byName = new Dictionary<string, JobDiagnosis>(StringComparer.Ordinal);
        foreach (var job in considered)
        {
            byName.TryAdd(job.Name, job);
        }

        var groups = new List<(RootCause? Cause, List<JobDiagnosis> Jobs, List<JobDiagnosis> Cascades)>();
        var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
        void AddIndependent(JobDiagnosis job)
        {
            string key = job.RootCause?.Id ?? "unknown:" + job.Name;
            if (!groupOf.TryGetValue(key, out int index))
            {
                index = groups.Count;
                groupOf[key] = index;
                groups.Add((job.RootCause, [], []));
            }
            groups[index].Jobs.Add(job);
            groupOf.TryAdd("job:" + job.Name, index);
        }
        var cascades = new List<(JobDiagnosis Job, JobDiagnosis Origin)>();
        foreach (var job in considered)
        {
            var origin = Origin(job, byName);
            if (ReferenceEquals(origin, job))
            {
                AddIndependent(job);
            }
            else
            {
                cascades.Add((job, origin));
            }
        }
        foreach (var (job, origin) in cascades)
        {
            if (groupOf.TryGetValue("job:" + origin.Name, out int index))
            {
                groups[index].Cascades.Add(job);
            }
            else
            {
                AddIndependent(job); // a loop of cascades: nothing independent to attach to
            }
        }
        return groups.Select(g => new CauseGroup(g.Cause, g.Jobs, g.Cascades)).ToList();
    }

    // The job a cascade ultimately follows from; the job itself when it is no cascade (or the chain
    // leaves the report, or loops).
    private static JobDiagnosis Origin(JobDiagnosis job, Dictionary<string, JobDiagnosis> byName)
    {
        var current = job;
        var seen = new HashSet<string>(StringComparer.Ordinal) { job.Name };
        while (current.CascadeOf is { } parent && byName.TryGetValue(parent, out var next) && seen.Add(next.Name))
        {
            current = next;
        }
        return current;
    }
}
