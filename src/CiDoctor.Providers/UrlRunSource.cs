using CiDoctor.Core.Pipeline;
using CiDoctor.Core.Sources;

namespace CiDoctor.Providers;

/// <summary>
/// Run URLs as a pipeline source (<c>diagnose URL</c>, <c>history add URL</c>): the run is
/// fetched into a temporary folder of its own, read back as a run folder, and the folder is
/// removed when the diagnosed run is disposed (the logs may be read again until then).
/// </summary>
/// <param name="provider">How to reach the provider (<c>--api-url</c>, <c>--provider</c>, the token variables).</param>
public sealed class UrlRunSource(ProviderOptions provider) : IRunSource
{
    public bool Accepts(string source) => RunUrl.LooksLikeUrl(source);

    public SourceRun Open(string source, SourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string folder = Directory.CreateTempSubdirectory("cidoctor-run-").FullName;
        try
        {
            // Failed jobs' logs only unless asked: history keeps passing logs as baselines, a diagnosis needs none.
            RunFolder.Fetch(source, folder, provider, new FetchOptions(AllLogs: options.AllLogs));
            var input = RunJsonReader.Read(folder) with { Sources = [source] };
            return new SourceRun(input, () => RunFolder.Clean(folder, keepFolder: false));
        }
        catch
        {
            RunFolder.Clean(folder, keepFolder: false);
            throw;
        }
    }
}
