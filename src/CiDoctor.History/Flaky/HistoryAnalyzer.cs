using CiDoctor.Core.Matching;
using CiDoctor.History.Records;

namespace CiDoctor.History.Flaky;

/// <summary>
/// Classifies every job, step and test of a <see cref="HistoryWindow"/> with
/// <see cref="FlakyClassifier"/>. Jobs are keyed by (repository, workflow, name), steps by their
/// job and name, tests by their job and JUnit id (DESIGN.md "History").
/// </summary>
public static class HistoryAnalyzer
{
    /// <summary>
    /// Every job; steps and tests that are not healthy (thousands of passing tests would bury the
    /// few that matter). Ordered by job, then the job itself, its steps, its tests.
    /// </summary>
    public static IReadOnlyList<FlakyEntry> Entries(HistoryWindow window, bool steps = true)
    {
        var runs = window.Runs.ToDictionary(r => r.Id);
        var order = window.Runs.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var testsByJobRun = window.Tests.ToLookup(t => t.JobRunId);
        var stepsByJobRun = window.Steps.ToLookup(s => s.JobRunId);
        var entries = new List<FlakyEntry>();
        foreach (var job in window.Jobs.GroupBy(j => (j.Repository, j.Workflow, j.Job)).OrderBy(g => g.Key.Job, StringComparer.Ordinal)
                     .ThenBy(g => g.Key.Repository, StringComparer.Ordinal).ThenBy(g => g.Key.Workflow, StringComparer.Ordinal))
        {
            var jobRuns = job.OrderBy(j => order[j.RunId]).ToList();
            entries.Add(new FlakyEntry(job.Key.Repository, job.Key.Workflow, job.Key.Job, null, null, Classify(JobObservations(jobRuns, runs, testsByJobRun))));
            if (steps)
            {
                entries.AddRange(StepEntries(job.Key, jobRuns, runs, stepsByJobRun));
            }
            entries.AddRange(TestEntries(job.Key, jobRuns, runs, testsByJobRun));
        }
        return entries;
    }

    /// <summary>The observations of one job, oldest first: what <c>diagnose --db</c> classifies.</summary>
    public static List<Observation> JobObservations(IEnumerable<StoredJobRun> jobRuns, IReadOnlyDictionary<long, StoredRun> runs, ILookup<long, StoredTestRun> tests) =>
        jobRuns.Where(j => j.Status is "passed" or "failed")
            .Select(j => Observe(runs[j.RunId], j.Status == "failed", j.Signature,
                tests[j.Id].Where(t => t.Outcome == "failed").Select(t => t.TestId).ToList()))
            .ToList();

    private static IEnumerable<FlakyEntry> StepEntries((string Repository, string Workflow, string Job) key, List<StoredJobRun> jobRuns,
        Dictionary<long, StoredRun> runs, ILookup<long, StoredStepRun> steps)
    {
        // A failed step's signature is its job's when it is the step the job failed in: the same
        // step failing for another reason is another failure.
        var observations = jobRuns
            .SelectMany(j => steps[j.Id].Where(s => s.Status is "passed" or "failed")
                .Select(s => (s.Name, Obs: Observe(runs[j.RunId], s.Status == "failed", s.Name == j.FailedStep ? j.Signature : s.Name, []))))
            .GroupBy(x => x.Name, StringComparer.Ordinal);
        return observations
            .Select(g => new FlakyEntry(key.Repository, key.Workflow, key.Job, g.Key, null, Classify(g.Select(x => x.Obs).ToList())))
            .Where(e => e.Classification.Kind != Classification.Healthy)
            .OrderBy(e => e.Step, StringComparer.Ordinal);
    }

    private static IEnumerable<FlakyEntry> TestEntries((string Repository, string Workflow, string Job) key, List<StoredJobRun> jobRuns,
        Dictionary<long, StoredRun> runs, ILookup<long, StoredTestRun> tests)
    {
        var observations = jobRuns
            .SelectMany(j => tests[j.Id].Where(t => t.Outcome is "passed" or "failed")
                .Select(t => (t.TestId, Obs: Observe(runs[j.RunId], t.Outcome == "failed", t.Outcome == "failed" ? TestSignature(t.Message) : null, []))))
            .GroupBy(x => x.TestId, StringComparer.Ordinal);
        return observations
            .Select(g => new FlakyEntry(key.Repository, key.Workflow, key.Job, null, g.Key, Classify(g.Select(x => x.Obs).ToList())))
            .Where(e => e.Classification.Kind != Classification.Healthy)
            .OrderBy(e => e.Test, StringComparer.Ordinal);
    }

    /// <summary>A test's failure signature: its masked failure message (the same assertion on another run has the same one).</summary>
    public static string TestSignature(string? message) => "test: " + (message is null ? "" : LineMasker.Mask(message));

    private static Observation Observe(StoredRun run, bool failed, string? signature, IReadOnlyCollection<string> failingTests) =>
        new(run.Label, run.RunId is null ? null : $"{run.Repository}|{run.RunId}", run.Commit, failed, signature, run.OrderedAt, failingTests);

    private static Classification Classify(List<Observation> observations) => FlakyClassifier.Classify(observations);
}
