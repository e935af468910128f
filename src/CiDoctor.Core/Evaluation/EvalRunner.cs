using System.Diagnostics;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Diagnosis;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Sources;

namespace CiDoctor.Core.Evaluation;

/// <summary>Options of an evaluation run.</summary>
/// <param name="UsePass">Give a case's pass.log to the diagnosis as its baseline (<c>diagnose --baseline</c>), like <c>score.py --with-pass</c>.</param>
/// <param name="Jobs">Cases diagnosed at once; 0 means one per processor.</param>
public sealed record EvalRunOptions(bool UsePass = true, int Jobs = 0);

/// <summary>
/// Diagnoses every case in-process, exactly as <c>cidoctor diagnose CASE/fail.log [--baseline
/// CASE/pass.log]</c> would, and scores it. Cases run in parallel; results are stored by case
/// index, so what is reported does not depend on which worker finished first. A case that cannot
/// be diagnosed (an empty log, an exception) is an error for that case, not for the run.
/// </summary>
public sealed class EvalRunner(FailureCatalog catalog, EvalRunOptions? options = null)
{
    private readonly EvalRunOptions _options = options ?? new EvalRunOptions();

    /// <summary>Runs every case; <paramref name="progress"/> gets the number of finished cases (from worker threads).</summary>
    public IReadOnlyList<CaseResult> Run(IReadOnlyList<EvalCase> cases, Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var results = new CaseResult[cases.Count];
        int done = 0;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = _options.Jobs > 0 ? _options.Jobs : Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        // A diagnoser keeps the catalog compiled per log format, but is not thread-safe: one per worker.
        Parallel.For(0, cases.Count, parallel, () => new RunDiagnoser(catalog), (i, _, diagnoser) =>
        {
            (results[i], bool healthy) = RunOne(cases[i], diagnoser);
            progress?.Invoke(Interlocked.Increment(ref done));
            return healthy ? diagnoser : new RunDiagnoser(catalog);
        }, _ => { });
        return results;
    }

    /// <summary>One case; <c>Healthy</c> is false when the shared diagnoser threw and may hold half-done state.</summary>
    private (CaseResult Result, bool Healthy) RunOne(EvalCase c, RunDiagnoser shared)
    {
        if (c.Truth is null)
        {
            return (new CaseResult(c, c.TruthError, null, []), true);
        }
        EvalJob? job = null;
        string? error = null;
        bool usesShared = !(_options.UsePass && c.HasPassLog);
        long start = Stopwatch.GetTimestamp();
        try
        {
            // A baseline is read once per diagnoser, so a case with a pass log gets its own.
            var diagnoser = usesShared
                ? shared
                : new RunDiagnoser(catalog, new RunDiagnoserOptions(Baseline: LogSource.FromFile(c.PassLog, "pass.log")));
            job = EvalJob.Of(diagnoser.Diagnose(SourceReader.Read(c.FailLog)));
        }
        catch (Exception e)
        {
            error = Describe(e);
        }
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        try
        {
            return (new CaseResult(c, error, seconds, CaseScorer.Score(c, job)) { Calibration = CaseScorer.Calibrate(c, job) }, error is null || !usesShared);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (new CaseResult(c, error ?? Describe(e), seconds, []), error is null || !usesShared);
        }
    }

    private static string Describe(Exception e)
    {
        string what = e is CiDoctorException ? e.Message : $"{e.GetType().Name}: {e.Message}";
        return what.ReplaceLineEndings(" ");
    }
}
