using System.Collections.Concurrent;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Diagnosis;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;
using CiDoctor.Core.Sources;

namespace CiDoctor.Core.Pipeline;

/// <summary>
/// Diagnosers kept between requests: each holds the catalog compiled per log format (the costly
/// part of a small diagnosis) and is used by one request at a time. One that threw may hold
/// half-done scan state and is dropped, not reused.
/// </summary>
internal sealed class DiagnoserPool(FailureCatalog catalog, RunDiagnoserOptions options)
{
    private readonly ConcurrentBag<RunDiagnoser> _idle = [];

    public RunReport Diagnose(RunInput input, LogSource? baseline, Func<JobInput, LogSource?>? baselineFor, Action<RunProgress>? progress)
    {
        var diagnoser = _idle.TryTake(out var idle) ? idle : new RunDiagnoser(catalog, options);
        var report = diagnoser.Diagnose(input, baseline, baselineFor, progress);
        _idle.Add(diagnoser);
        return report;
    }
}
