using CiDoctor.Core.Catalog;
using CiDoctor.Core.Reports;

namespace CiDoctor.Core.Pipeline;

/// <summary>What a host composes its <see cref="DiagnosisPipeline"/> of, once.</summary>
/// <param name="Catalog">The failure modes (built-in plus <c>--catalog</c> folders).</param>
public sealed record DiagnosisPipelineOptions(FailureCatalog Catalog)
{
    /// <summary>Forces a log format (<c>--ci</c>); null detects it per log.</summary>
    public string? Ci { get; init; }

    /// <summary>
    /// Sources asked in order before the built-in one (files, folders, zips, stdin), e.g. the run
    /// URLs of CiDoctor.Providers.
    /// </summary>
    public IReadOnlyList<IRunSource> Sources { get; init; } = [];

    /// <summary>Enrichers, in the order they run (each sees the report the previous one returned).</summary>
    public IReadOnlyList<IReportEnricher> Enrichers { get; init; } = [];

    /// <summary>The formats a request may name.</summary>
    public RendererRegistry<IReportRenderer> Renderers { get; init; } = ReportRenderers.Core;

    /// <summary>Jobs of one run diagnosed at once; 0 means one per core, 1 one after the other.</summary>
    public int ParallelJobs { get; init; }
}
