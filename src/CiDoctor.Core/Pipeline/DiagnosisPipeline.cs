using CiDoctor.Core.Diagnosis;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Sources;

namespace CiDoctor.Core.Pipeline;

/// <summary>
/// The diagnosis as every host runs it: sources → reader → scanner → diagnoser → enrichers →
/// renderer. A host composes it once (<see cref="DiagnosisPipelineOptions"/>) and asks it for
/// each run; it is safe to call from several threads at once (the compiled catalogs are kept in
/// a pool of diagnosers, one per concurrent request). See docs/DECISIONS.md "The diagnosis pipeline".
/// <code>
/// var pipeline = new DiagnosisPipeline(new DiagnosisPipelineOptions(CatalogLoader.Load([])));
/// using var run = pipeline.Diagnose(new DiagnosisRequest(["samples/nix-disk-full"]) { Format = "json" });
/// run.Render(Console.Out);
/// </code>
/// </summary>
public sealed class DiagnosisPipeline
{
    private readonly DiagnosisPipelineOptions _options;
    private readonly DiagnoserPool _diagnosers;

    public DiagnosisPipeline(DiagnosisPipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _diagnosers = new DiagnoserPool(options.Catalog, new RunDiagnoserOptions(options.Ci) { ParallelJobs = options.ParallelJobs });
    }

    /// <summary>
    /// Checks the request, makes its renderer (whose own checks, such as the step summary's
    /// folder, fail before anything is downloaded or scanned), reads the sources, diagnoses the
    /// run and enriches the report. Bad input is a <see cref="CiDoctorException"/>; an enricher
    /// that fails is a note in the report.
    /// </summary>
    public DiagnosedRun Diagnose(DiagnosisRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var baseline = Check(request);
        var renderer = request.Format is null ? null : _options.Renderers.Create(request.Format, request.Target);
        var sources = new List<SourceRun>(request.Sources.Count);
        try
        {
            foreach (string source in request.Sources)
            {
                sources.Add(SourceFor(source).Open(source, request.Reading));
            }
            var input = Merge(sources);
            var enrichers = renderer is { ShowsExcerpts: true } ? [.. _options.Enrichers, ExcerptEnricher.Instance] : _options.Enrichers;
            var enrichments = enrichers.Select(e => GuardedEnrichment.Begin(e, input)).ToList();
            Func<JobInput, LogSource?>? baselineFor = enrichments.Count == 0 ? null
                : job => enrichments.Select(e => e.BaselineFor(job)).FirstOrDefault(b => b is not null);
            var report = _diagnosers.Diagnose(input, baseline, baselineFor, request.Progress);
            report = enrichments.Aggregate(report, (r, e) => e.Enrich(r));
            return new DiagnosedRun(input, report, renderer, sources);
        }
        catch
        {
            sources.ForEach(s => s.Dispose());
            throw;
        }
    }

    private static LogSource? Check(DiagnosisRequest request)
    {
        if (request.Sources.Count == 0)
        {
            throw new CiDoctorException("nothing to diagnose; name a log file, a folder of logs, a run-logs zip, a run URL or - for stdin");
        }
        if (request.Sources.Count(s => s == "-") > 1)
        {
            throw new CiDoctorException("stdin (-) can be given only once");
        }
        if (request.Baseline is not { } path)
        {
            return null;
        }
        if (!File.Exists(path))
        {
            throw new CiDoctorException($"--baseline {path}: no such file; pass a passing log of the same job");
        }
        return LogSource.FromFile(path, Path.GetFileName(path));
    }

    private IRunSource SourceFor(string source) =>
        _options.Sources.FirstOrDefault(s => s.Accepts(source)) ?? FileRunSource.Instance;

    // Several sources are one run: run.json's facts of the first, every source's jobs in order.
    private static RunInput Merge(List<SourceRun> sources) => sources.Count == 1
        ? sources[0].Input
        : new RunInput([.. sources.SelectMany(s => s.Input.Sources)], sources[0].Input.Run, [.. sources.SelectMany(s => s.Input.Jobs)]);
}
