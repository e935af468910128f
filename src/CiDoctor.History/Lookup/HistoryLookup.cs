using System.Collections.Concurrent;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;
using CiDoctor.Core.Pipeline;
using CiDoctor.Core.Sources;
using CiDoctor.History.Flaky;
using CiDoctor.History.Recording;
using CiDoctor.History.Records;

namespace CiDoctor.History.Lookup;

/// <summary>
/// What <c>diagnose --db</c> asks of history, reading only: each job's last green log (its
/// baseline) and its classification over the last runs on the run's branch. The run being
/// diagnosed counts as one more run when run.json names it and it is not recorded yet (a bare
/// log has no key to tell, so it is left out rather than maybe counted twice).
/// </summary>
internal sealed class HistoryLookup(IRunStore store, RunInfo run, int window = 50) : IRunEnrichment
{
    // Jobs whose baseline came from history; filled from the diagnoser's worker threads.
    private readonly ConcurrentDictionary<string, bool> _baselined = new(StringComparer.Ordinal);

    private string Repository => run.Repository ?? "";

    private string Workflow => run.Workflow ?? "";

    /// <summary>The newest passing log of the job (same branch first, then any), as a baseline; null when none is stored.</summary>
    public LogSource? BaselineFor(JobInput job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Meta?.Status == RunStatus.Passed)
        {
            return null;
        }
        var stream = (run.Branch is null ? null : store.LastGreenLog(Repository, Workflow, job.Name, run.Branch))
            ?? store.LastGreenLog(Repository, Workflow, job.Name);
        if (stream is null)
        {
            return null;
        }
        _baselined[job.Name] = true;
        // One stream from the store: the source can be read once (the baseline is read once).
        return new LogSource(job.Name, $"last green log of '{job.Name}' in {store.Where}", () => stream) { CanReopen = false };
    }

    /// <summary>The report with each job's <c>history</c> filled in.</summary>
    public RunReport Enrich(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var history = store.Window(new RunFilter(run.Branch, Repository, window));
        var runs = history.Runs.ToDictionary(r => r.Id);
        var order = history.Runs.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var tests = history.Tests.ToLookup(t => t.JobRunId);
        string? key = RunKey.Of(run);
        bool include = key is not null && !history.Runs.Any(r => r.Key == key) && !store.Contains(key);
        var jobs = report.Jobs.Select(job =>
        {
            var jobRuns = history.Jobs.Where(j => j.Repository == Repository && j.Workflow == Workflow && j.Job == job.Name).OrderBy(j => order[j.RunId]);
            var observations = HistoryAnalyzer.JobObservations(jobRuns, runs, tests);
            if (include && job.Status is RunStatus.Passed or RunStatus.Failed)
            {
                observations.Add(Current(job));
            }
            var c = FlakyClassifier.Classify(observations);
            return job with
            {
                History = new JobHistory(c.Kind, c.Runs, c.Failures, c.FailureRate, c.FlipRate, c.DistinctCommits, c.PassedOnSameCommit,
                    c.FirstBadRun, c.FirstBadCommit, c.Rotating, HistorySentence.Of(c, "this job", run.Branch is not null))
                {
                    Branch = run.Branch,
                    BaselineFromHistory = _baselined.ContainsKey(job.Name),
                },
            };
        }).ToList();
        return report with { Jobs = jobs };
    }

    private Observation Current(JobDiagnosis job)
    {
        var (_, signature) = FailureSignature.Of(job);
        var label = new StoredRun(0, "", Repository, run.RunId, run.Attempt ?? 1, Workflow, run.Branch, run.Commit, "").Label;
        return new Observation(label, $"{Repository}|{run.RunId}", run.Commit, job.Status == RunStatus.Failed, signature,
            run.StartedAt ?? "", []);
    }
}
