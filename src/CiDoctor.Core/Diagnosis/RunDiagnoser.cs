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
}

/// <summary>
/// The whole pipeline for a run: read each job's log, scan it with the catalog compiled for its
/// format, diagnose it, then relate the jobs (cascades across <c>needs</c>, root-cause count,
/// early failure). Jobs are diagnosed one after the other, in input order, so output is deterministic.
/// </summary>
public sealed class RunDiagnoser(FailureCatalog catalog, RunDiagnoserOptions? options = null)
{
    private readonly RunDiagnoserOptions _options = options ?? new RunDiagnoserOptions();
    private readonly Dictionary<string, CompiledCatalog> _compiled = new(StringComparer.Ordinal);
    private BaselineSet? _baseline;

    public RunReport Diagnose(RunInput input)
    {
        if (_options.Baseline is not null)
        {
            _baseline ??= BaselineSet.Read(_options.Baseline, _options.Ci);
        }
        var diagnoser = new Diagnoser(catalog, _options.Diagnosis);
        var jobs = input.Jobs.Select(job => diagnoser.Diagnose(Collect(job))).ToList();
        jobs = RunRelations.LinkCascades(jobs, input.Jobs);
        return new RunReport(input.Sources, input.Run, RunRelations.Summarise(jobs), jobs);
    }

    private JobEvidence Collect(JobInput job)
    {
        JobLog? log = null;
        ScanResult? scan = null;
        var cascades = new NixCascadeTracker();
        if (job.Log is not null)
        {
            using var session = new LogReadSession(job.Log, _options.Ci);
            var compiled = Compiled(session.Reader.Ci);
            var scanner = new Scanner(compiled, _options.Scanner, _baseline, [cascades]);
            scan = scanner.Scan(session);
            log = session.Result;
        }
        var annotations = AnnotationFindings(job.Meta);
        return new JobEvidence(job.Name, job.Meta?.Id, job.Log is null ? null : job.File, job.Meta, log, scan, cascades.Cascades, annotations);
    }

    // Annotations are matched like log lines (line 0 marks them): a job with no log is still diagnosed.
    private Dictionary<string, IReadOnlyList<Finding>> AnnotationFindings(RunJob? meta)
    {
        var result = new Dictionary<string, IReadOnlyList<Finding>>(StringComparer.Ordinal);
        if (meta is null || meta.Annotations.Count == 0)
        {
            return result;
        }
        var scanner = new Scanner(Compiled("plain"), _options.Scanner);
        var lines = meta.Annotations.Select(a => new LogLine(0, a.Message, -1));
        foreach (var (id, list) in scanner.Scan(lines).Findings)
        {
            result[id] = list;
        }
        return result;
    }

    private CompiledCatalog Compiled(string ci)
    {
        if (!_compiled.TryGetValue(ci, out var compiled))
        {
            _compiled[ci] = compiled = new CompiledCatalog(catalog, ci);
        }
        return compiled;
    }
}
