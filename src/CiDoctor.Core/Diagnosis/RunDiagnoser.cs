using CiDoctor.Core.Catalog;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Matching;
using CiDoctor.Core.Model;
using CiDoctor.Core.Sources;

namespace CiDoctor.Core.Diagnosis;

/// <summary>Options of a whole diagnosis.</summary>
/// <param name="Ci">Forces a log format (<c>--ci</c>); null detects it per log.</param>
/// <param name="Baseline">A passing log of the same job (<c>--baseline</c>).</param>
public sealed record RunDiagnoserOptions(string? Ci = null, LogSource? Baseline = null)
{
    public ScannerOptions Scanner { get; init; } = new();
    public DiagnosisOptions Diagnosis { get; init; } = new();

    /// <summary>Jobs diagnosed at once; 0 means one per core. 1 diagnoses them one after the other.</summary>
    public int ParallelJobs { get; init; }

    /// <summary>
    /// A passing log of the same job, per job (e.g. its last green log from run history); asked
    /// from worker threads for each job with a log when <see cref="RunDiagnoserOptions.Baseline"/>
    /// is null; returning null means no baseline for that job.
    /// </summary>
    public Func<JobInput, LogSource?>? BaselineFor { get; init; }

    /// <summary>Called (from worker threads) as jobs finish and bytes are read; for progress displays.</summary>
    public Action<RunProgress>? Progress { get; init; }
}

/// <summary>How far a diagnosis has come: jobs finished of all jobs, and log bytes read so far.</summary>
public readonly record struct RunProgress(int JobsDone, int Jobs, long BytesRead);

/// <summary>
/// The whole pipeline for a run: read each job's log, scan it with the catalog compiled for its
/// format, diagnose it, then relate the jobs (cascades across <c>needs</c>, root-cause count,
/// early failure). Jobs of a run are diagnosed on all cores, one job per core (each job's scan
/// then stays on one thread); results keep input order, so output is deterministic.
/// </summary>
public sealed class RunDiagnoser(FailureCatalog catalog, RunDiagnoserOptions? options = null)
{
    // Below this many jobs with a log, a second worker's catalog compilation costs more than it saves.
    private const int MinJobsForParallel = 4;
    private readonly RunDiagnoserOptions _options = options ?? new RunDiagnoserOptions();
    private readonly Worker _worker = new(catalog);
    private BaselineSet? _baseline;

    public RunReport Diagnose(RunInput input)
    {
        if (_options.Baseline is not null)
        {
            _baseline ??= BaselineSet.Read(_options.Baseline, _options.Ci);
        }
        var progress = new ProgressCounter(_options.Progress, input.Jobs.Count);
        int workers = Workers(input);
        var jobs = new JobDiagnosis[input.Jobs.Count];
        if (workers <= 1)
        {
            for (int i = 0; i < jobs.Length; i++)
            {
                jobs[i] = DiagnoseJob(_worker, input.Jobs[i], _options.Scanner, progress);
            }
        }
        else
        {
            DiagnoseInParallel(input.Jobs, jobs, workers, progress);
        }
        var linked = RunRelations.LinkCascades([.. jobs], input.Jobs);
        return new RunReport(input.Sources, input.Run, RunRelations.Summarise(linked), linked);
    }

    private int Workers(RunInput input)
    {
        int wanted = _options.ParallelJobs > 0 ? _options.ParallelJobs : Environment.ProcessorCount;
        int withLog = input.Jobs.Count(j => j.Log is not null);
        return withLog < MinJobsForParallel && _options.ParallelJobs == 0 ? 1 : Math.Min(wanted, withLog);
    }

    // Workers take the next job from a shared counter, so one huge log does not hold up a range of
    // small ones. Each worker has its own compiled catalogs (they keep per-line scratch state).
    // The first error in input order is the one reported, as a sequential run would report it.
    private void DiagnoseInParallel(IReadOnlyList<JobInput> inputs, JobDiagnosis[] jobs, int workers, ProgressCounter progress)
    {
        var scanner = _options.Scanner with { Reading = _options.Scanner.Reading with { ReadInParallel = false } };
        var errors = new Exception?[inputs.Count];
        int next = -1;
        var threads = Enumerable.Range(0, workers).Select(w => Task.Factory.StartNew(() =>
        {
            var worker = w == 0 ? _worker : new Worker(catalog);
            for (int i = Interlocked.Increment(ref next); i < inputs.Count; i = Interlocked.Increment(ref next))
            {
                try
                {
                    jobs[i] = DiagnoseJob(worker, inputs[i], scanner, progress);
                }
                catch (Exception e)
                {
                    errors[i] = e;
                    Volatile.Write(ref next, inputs.Count);
                }
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        Task.WaitAll(threads);
        if (errors.FirstOrDefault(e => e is not null) is { } first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }
    }

    private JobDiagnosis DiagnoseJob(Worker worker, JobInput job, ScannerOptions scannerOptions, ProgressCounter progress)
    {
        var nix = new NixCascadeTracker();
        var diagnosis = new Diagnoser(catalog, _options.Diagnosis).Diagnose(Collect(worker, job, scannerOptions, progress, nix));
        progress.JobDone();
        return nix.FailedBuilders.Count == 0 ? diagnosis : diagnosis with { FailedDerivations = [.. nix.FailedBuilders] };
    }

    private JobEvidence Collect(Worker worker, JobInput job, ScannerOptions scannerOptions, ProgressCounter progress, NixCascadeTracker cascades)
    {
        JobLog? log = null;
        ScanResult? scan = null;
        if (job.Log is not null)
        {
            var source = progress.Enabled ? job.Log.Counted(progress.Read) : job.Log;
            using var session = new LogReadSession(source, _options.Ci);
            var compiled = worker.Compiled(session.Reader.Ci);
            var scanning = new Scanner(compiled, scannerOptions, _baseline ?? JobBaseline(job)).Start();
            // The read drives: each line goes to the scan, then to the Nix cascade tracker.
            session.Read(compiled, new LineObservers(scanning, cascades), scannerOptions.Reading);
            scan = scanning.Result();
            log = session.Result;
        }
        var annotations = AnnotationFindings(worker, job.Meta, scannerOptions);
        return new JobEvidence(job.Name, job.Meta?.Id, job.Log is null ? null : job.File, job.Meta, log, scan, cascades.Cascades, annotations);
    }

    private BaselineSet? JobBaseline(JobInput job) =>
        _options.BaselineFor?.Invoke(job) is { } source ? BaselineSet.Read(source, _options.Ci) : null;

    // Annotations are matched like log lines (line 0 marks them): a job with no log is still diagnosed.
    private static Dictionary<string, IReadOnlyList<Finding>> AnnotationFindings(Worker worker, RunJob? meta, ScannerOptions scannerOptions)
    {
        var result = new Dictionary<string, IReadOnlyList<Finding>>(StringComparer.Ordinal);
        if (meta is null || meta.Annotations.Count == 0)
        {
            return result;
        }
        var scanner = new Scanner(worker.Compiled("plain"), scannerOptions);
        var lines = meta.Annotations.Select(a => new LogLine(0, a.Message, -1));
        foreach (var (id, list) in scanner.Scan(lines).Findings)
        {
            result[id] = list;
        }
        return result;
    }

    /// <summary>What one thread needs of its own: the catalog compiled per log format.</summary>
    private sealed class Worker(FailureCatalog catalog)
    {
        private readonly Dictionary<string, CompiledCatalog> _compiled = new(StringComparer.Ordinal);

        public CompiledCatalog Compiled(string ci)
        {
            if (!_compiled.TryGetValue(ci, out var compiled))
            {
                _compiled[ci] = compiled = new CompiledCatalog(catalog, ci);
            }
            return compiled;
        }
    }

    /// <summary>Counts finished jobs and read bytes across workers and passes them on.</summary>
    private sealed class ProgressCounter(Action<RunProgress>? report, int jobs)
    {
        private int _done;
        private long _bytes;

        public bool Enabled => report is not null;

        public void Read(int bytes)
        {
            long total = Interlocked.Add(ref _bytes, bytes);
            report?.Invoke(new RunProgress(Volatile.Read(ref _done), jobs, total));
        }

        public void JobDone()
        {
            int done = Interlocked.Increment(ref _done);
            report?.Invoke(new RunProgress(done, jobs, Interlocked.Read(ref _bytes)));
        }
    }
}
