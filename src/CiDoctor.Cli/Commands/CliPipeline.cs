using CiDoctor.Cli.Rendering;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Pipeline;
using CiDoctor.Providers;

namespace CiDoctor.Cli.Commands;

/// <summary>
/// The diagnosis pipeline as the CLI composes it for <c>diagnose</c> and <c>history add</c>:
/// run URLs through CiDoctor.Providers, files/folders/zips/stdin through Core, the CLI's formats,
/// and the enrichers a command's options ask for.
/// </summary>
internal static class CliPipeline
{
    public static DiagnosisPipeline Create(FailureCatalog catalog, string? ci, ProviderOptions provider, IReadOnlyList<IReportEnricher>? enrichers = null) =>
        new(new DiagnosisPipelineOptions(catalog)
        {
            Ci = ci,
            Sources = [new UrlRunSource(provider)],
            Enrichers = enrichers ?? [],
            Renderers = CliRenderers.Reports,
        });
}
