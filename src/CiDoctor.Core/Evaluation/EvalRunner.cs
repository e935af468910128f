using System.Diagnostics;
using CiDoctor.Core.Pipeline;

namespace CiDoctor.Core.Evaluation;

/// <summary>Options of an evaluation run.</summary>
/// <param name="UsePass">Give a case's pass.log to the diagnosis as its baseline (<c>diagnose --baseline</c>), like <c>score.py --with-pass</c>.</param>
/// <param name="Jobs">Cases diagnosed at once; 0 means one per processor.</param>
public sealed record EvalRunOptions(bool UsePass = true, int Jobs = 0);

/// <summary>
/// Diagnoses every case in-process through the diagnosis pipeline, exactly as <c>cidoctor
/// diagnose CASE/fail.log [--baseline CASE/pass.log]</c> would, and scores it. Cases run in
/// parallel; results are stored by case index, so what is reported does not depend on which
/// worker finished first. A case that cannot be diagnosed (an empty log, an exception) is an
/// error for that case, not for the run.
/// </summary>
public sealed class EvalRunner(DiagnosisPipeline pipeline, EvalRunOptions? options = null)
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
        // The pipeline keeps the catalog compiled per log format between cases, one copy per worker.
        Parallel.For(0, cases.Count, parallel, i =>
        {
            results[i] = RunOne(cases[i]);
            progress?.Invoke(Interlocked.Increment(ref done));
        });
        return results;
    }

    private CaseResult RunOne(EvalCase c)
    {
        if (c.Truth is null)
        {
            return new CaseResult(c, c.TruthError, null, []);
        }
        EvalJob? job = null;
        string? error = null;
        long start = Stopwatch.GetTimestamp();
        try
        {
            var request = new DiagnosisRequest([c.FailLog]) { Baseline = _options.UsePass && c.HasPassLog ? c.PassLog : null };
            using var run = pipeline.Diagnose(request);
            job = EvalJob.Of(run.Report);
        }
        catch (Exception e)
        {
            error = Describe(e);
        }
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        try
        {
            return new CaseResult(c, error, seconds, CaseScorer.Score(c, job)) { Calibration = CaseScorer.Calibrate(c, job) };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new CaseResult(c, error ?? Describe(e), seconds, []);
        }
    }

    private static string Describe(Exception e)
    {
        string what = e is CiDoctorException ? e.Message : $"{e.GetType().Name}: {e.Message}";
        return what.ReplaceLineEndings(" ");
    }
}
