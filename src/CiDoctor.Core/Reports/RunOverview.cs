using CiDoctor.Core.Model;

namespace CiDoctor.Core.Reports;

/// <summary>
/// The run-level reading of a report that every human-facing renderer shows (Markdown, HTML, the
/// terminal): which failures share a cause, what each failure blocks, the patterns across
/// failures, and the recommended actions of all root causes grouped by when to take them. Derived
/// only from the report, so every sentence traces back to jobs and lines in it.
/// </summary>
public sealed class RunOverview
{
    private readonly Dictionary<JobDiagnosis, IReadOnlyList<JobDiagnosis>> _sameCause = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, List<JobDiagnosis>> _followers = new(StringComparer.Ordinal);

    public RunOverview(RunReport report)
    {
        Report = report;
        Failed = report.Jobs.Where(IsFailure).ToList();
        // Causes are counted over failed jobs only, as the summary's rootCauses is (RunRelations.Summarise).
        var failed = Failed.Where(j => j.Status == RunStatus.Failed).ToList();
        foreach (var group in failed.Where(j => j.RootCause is not null).GroupBy(j => j.RootCause!.Id, StringComparer.Ordinal))
        {
            var jobs = group.ToList();
            foreach (var job in jobs)
            {
                _sameCause[job] = jobs;
            }
        }
        foreach (var job in failed.Where(j => j.CascadeOf is not null))
        {
            if (!_followers.TryGetValue(job.CascadeOf!, out var list))
            {
                _followers[job.CascadeOf!] = list = [];
            }
            list.Add(job);
        }
        Causes = failed.Where(j => j.CascadeOf is null)
            .GroupBy(j => j.RootCause?.Id ?? "\0" + j.Name, StringComparer.Ordinal)
            .Select(g => new RunCause(g.First().RootCause, g.ToList()))
            .ToList();
    }

    public RunReport Report { get; }

    /// <summary>Seed 001's rule, as every report words it.</summary>
    public const string EarlyFailureText = "Every failed job failed within a minute: look at setup (checkout, runner, credentials) before the code.";

    /// <summary>Seconds from the first job's start to the last job's end, when run.json gives times.</summary>
    public double? RunDuration
    {
        get
        {
            var starts = Report.Jobs.Select(j => IsoTime.Parse(j.Facts.StartedAt)).OfType<DateTimeOffset>().ToList();
            var ends = Report.Jobs.Select(j => IsoTime.Parse(j.Facts.CompletedAt)).OfType<DateTimeOffset>().ToList();
            if (starts.Count == 0 || ends.Count == 0)
            {
                return null;
            }
            double seconds = (ends.Max() - starts.Min()).TotalSeconds;
            return seconds >= 0 ? seconds : null;
        }
    }

    /// <summary>Jobs that did not pass (failed, cancelled, unknown), in report order.</summary>
    public IReadOnlyList<JobDiagnosis> Failed { get; }

    /// <summary>One entry per root cause (an unrecognised failure is its own cause), in report order.</summary>
    public IReadOnlyList<RunCause> Causes { get; }

    public static bool IsFailure(JobDiagnosis job) => job.Status is not (RunStatus.Passed or RunStatus.Skipped);

    /// <summary>Severity shown for a failure: its mode's, or none for an unrecognised one.</summary>
    public static string SeverityOf(JobDiagnosis job) => job.RootCause is { } rc ? Names.Of(rc.Severity) : "unknown";

    /// <summary>Which jobs the failure's cause reaches: "this job", or the other jobs that share it or follow from it.</summary>
    public string Scope(JobDiagnosis job)
    {
        if (job.CascadeOf is not null)
        {
            return $"follows from {job.CascadeOf}";
        }
        var others = SameCause(job).Where(j => !ReferenceEquals(j, job)).Select(j => j.Name).ToList();
        var followers = Followers(job).Select(j => j.Name).ToList();
        var parts = new List<string>();
        if (others.Count > 0)
        {
            parts.Add($"{ReportText.Count(others.Count + 1, "job")} with the same cause (also {string.Join(", ", others)})");
        }
        if (followers.Count > 0)
        {
            parts.Add($"{ReportText.Count(followers.Count, "job")} failing as a consequence ({string.Join(", ", followers)})");
        }
        return parts.Count == 0 ? "this job only" : string.Join("; ", parts);
    }

    /// <summary>Failed jobs (this one included) whose root cause is the same mode.</summary>
    public IReadOnlyList<JobDiagnosis> SameCause(JobDiagnosis job) => _sameCause.TryGetValue(job, out var jobs) ? jobs : [job];

    /// <summary>Failed jobs whose failure follows from this one (a <c>needs</c> dependency).</summary>
    public IReadOnlyList<JobDiagnosis> Followers(JobDiagnosis job) => _followers.TryGetValue(job.Name, out var list) ? list : [];

    /// <summary>What the failure blocked and what that means for the run, as short sentences.</summary>
    public IReadOnlyList<string> Impact(JobDiagnosis job)
    {
        var impact = new List<string>();
        if (job.FailedStep is { } failedStep)
        {
            var steps = job.Facts.Steps;
            int at = IndexOf(steps, failedStep);
            int notRun = at < 0 ? 0 : steps.Skip(at + 1).Count(s => s.Status is RunStatus.Skipped or RunStatus.Cancelled or RunStatus.Unknown);
            impact.Add(notRun > 0
                ? $"Step \"{failedStep}\" failed and {ReportText.Count(notRun, "later step")} did not run."
                : $"Step \"{failedStep}\" failed.");
        }
        if (job.Cascades.Count > 0)
        {
            var causedBy = job.Cascades.Select(c => c.CausedBy).Distinct(StringComparer.Ordinal).ToList();
            impact.Add($"{ReportText.Count(job.Cascades.Count, "derivation")} that depend on {string.Join(", ", causedBy)} could not be built.");
        }
        var followers = Followers(job);
        if (followers.Count > 0)
        {
            impact.Add($"{string.Join(", ", followers.Select(f => f.Name))} failed because {(followers.Count == 1 ? "it needs" : "they need")} this job.");
        }
        impact.Add(job.Origin switch
        {
            Origin.Environment => "Nothing says the code is wrong: the same commit can pass once the runner's environment is fixed.",
            Origin.Code => "The change itself must be fixed: re-running will fail the same way.",
            Origin.Flaky => "A re-run may pass, but the failure will come back until the race or timing is fixed.",
            Origin.Config => "The CI configuration must change: re-running the same workflow will fail the same way.",
            _ => job.CascadeOf is null ? "The cause was not recognised: read the evidence lines." : $"Fixing {job.CascadeOf} comes first.",
        });
        return impact;
    }

    /// <summary>Patterns across the failed jobs: shared causes, independence, cascades, timing, origins.</summary>
    public IReadOnlyList<string> Patterns()
    {
        var patterns = new List<string>();
        var summary = Report.Summary;
        foreach (var cause in Causes.Where(c => c.RootCause is not null && c.Jobs.Count > 1))
        {
            patterns.Add($"Same cause in {ReportText.Count(cause.Jobs.Count, "job")}: {cause.RootCause!.Title} ({string.Join(", ", cause.Jobs.Select(j => j.Name))}); one fix addresses all of them.");
        }
        if (Causes.Count > 1)
        {
            string list = string.Join("; ", Causes.Select(c => $"{c.Title} ({c.Origin}) in {string.Join(", ", c.Jobs.Select(j => j.Name))}"));
            patterns.Add(summary.Independent
                ? $"{ReportText.Count(Causes.Count, "independent root cause")}: {list}. No failure follows from another, so each needs its own fix."
                : $"{ReportText.Count(Causes.Count, "root cause")}: {list}.");
        }
        foreach (var job in Failed.Where(j => j.CascadeOf is not null))
        {
            patterns.Add($"{job.Name} failed only because {job.CascadeOf} (which it needs) failed.");
        }
        if (summary.EarlyFailure)
        {
            patterns.Add(EarlyFailureText);
        }
        var origins = Failed.Where(j => j.CascadeOf is null).GroupBy(j => j.Origin).OrderBy(g => g.Key).ToList();
        if (origins.Count > 1)
        {
            patterns.Add("Origins differ: " + string.Join(", ", origins.Select(g => $"{Names.Of(g.Key)} in {ReportText.Count(g.Count(), "job")}")) + ".");
        }
        var runners = Failed.Where(j => j.Facts.RunnerName is not null).GroupBy(j => j.Facts.RunnerName!, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        foreach (var runner in runners)
        {
            patterns.Add($"{ReportText.Count(runner.Count(), "failed job")} ran on the same runner \"{runner.Key}\": {string.Join(", ", runner.Select(j => j.Name))}.");
        }
        return patterns;
    }

    /// <summary>The actions of every root cause, grouped by when, each once, with the causes it answers.</summary>
    public IReadOnlyList<PlannedAction> Actions()
    {
        var planned = new List<PlannedAction>();
        foreach (var cause in Causes.Where(c => c.RootCause is not null))
        {
            foreach (var action in cause.RootCause!.Actions)
            {
                int existing = planned.FindIndex(p => p.Action.Text == action.Text);
                if (existing >= 0)
                {
                    planned[existing] = planned[existing] with { Causes = [.. planned[existing].Causes, cause.Title] };
                    continue;
                }
                planned.Add(new PlannedAction(action, [cause.Title]));
            }
        }
        // OrderBy is stable: within a `when`, actions keep the order of the causes.
        return [.. planned.OrderBy(p => p.Action.When)];
    }

    /// <summary>The distinct principles of the root causes, in cause order.</summary>
    public IReadOnlyList<string> Principles() =>
        Causes.Select(c => c.RootCause?.Principle).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    private static int IndexOf(IReadOnlyList<StepFact> steps, string name)
    {
        for (int i = 0; i < steps.Count; i++)
        {
            if (steps[i].Name == name)
            {
                return i;
            }
        }
        return -1;
    }
}

/// <summary>A root cause and the failed jobs it explains (not counting cascades).</summary>
public sealed record RunCause(RootCause? RootCause, IReadOnlyList<JobDiagnosis> Jobs)
{
    public string Title => RootCause?.Title ?? $"unrecognised failure of {Jobs[0].Name}";

    public string Origin => Names.Of(Jobs[0].Origin);
}

/// <summary>A recommended action, once for the run, with the causes it answers.</summary>
public sealed record PlannedAction(RecommendedAction Action, IReadOnlyList<string> Causes);
