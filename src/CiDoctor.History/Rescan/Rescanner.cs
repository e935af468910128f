using CiDoctor.Core.Catalog;
using CiDoctor.Core.Diagnosis;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;
using CiDoctor.Core.Sources;
using CiDoctor.History.Recording;
using CiDoctor.History.Records;

namespace CiDoctor.History.Rescan;

/// <summary>
/// Re-diagnoses the failed jobs of every stored run with the current catalog, from their stored
/// (masked) logs and stored steps, and rewrites diagnoses and signatures that changed, so a new
/// catalog mode also explains the past. What it cannot redo: jobs recorded without a log
/// (annotation-only jobs: annotations are not stored), and cascades across jobs, which are
/// not stored either. Outcomes, steps and tests are facts of the run and stay as recorded.
/// </summary>
public sealed class Rescanner(IRunStore store, FailureCatalog catalog, string? ci = null)
{
    public RescanResult Rescan()
    {
        int runs = 0, jobs = 0, changed = 0, withoutLog = 0;
        var diagnoser = new RunDiagnoser(catalog, new RunDiagnoserOptions(ci) { ParallelJobs = 1 });
        foreach (long runId in store.RunIds())
        {
            var run = store.Run(runId);
            runs++;
            var failed = run.Jobs.Where(j => j.Status == "failed").ToList();
            var inputs = new List<(StoredJobRun Stored, JobInput Input)>();
            foreach (var job in failed)
            {
                if (store.Log(job.Id) is not { } log)
                {
                    withoutLog++;
                    continue;
                }
                var steps = run.Steps.Where(s => s.JobRunId == job.Id).OrderBy(s => s.Index)
                    .Select(s => new RunStep(s.Name, Names.TryParseStatus(s.Status, out var st) ? st : RunStatus.Unknown, null, null, null)).ToList();
                var meta = new RunJob { Name = job.Job, Status = RunStatus.Failed, Steps = steps, Log = log.Name };
                inputs.Add((job, new JobInput(job.Job, log.Name, new LogSource(log.Name, $"{store.Where} (stored log of '{job.Job}')", () => log.Content) { CanReopen = false }, meta)));
            }
            if (inputs.Count == 0)
            {
                continue;
            }
            var report = diagnoser.Diagnose(new RunInput([store.Where], new RunInfo(), inputs.Select(i => i.Input).ToList()));
            for (int i = 0; i < inputs.Count; i++)
            {
                jobs++;
                var d = report.Jobs[i];
                var (cause, signature) = FailureSignature.Of(d);
                var now = new StoredDiagnosis(Names.Of(d.Origin), d.RootCause?.Id, cause, signature, d.FailedStep);
                var before = inputs[i].Stored;
                if (now.RootCauseId != before.RootCauseId || now.Signature != before.Signature)
                {
                    store.UpdateDiagnosis(before.Id, now);
                    changed++;
                }
            }
        }
        return new RescanResult(runs, jobs, changed, withoutLog);
    }
}
