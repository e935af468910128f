using CiDoctor.Core.Sources;
using CiDoctor.Providers;

namespace CiDoctor.Cli.Commands;

/// <summary>
/// Runs named by URL (diagnose URL, history add URL), fetched into temporary folders that live
/// until the command is done with their logs (the HTML report reads them a second time) and are
/// removed on dispose.
/// </summary>
internal sealed class FetchedRuns : IDisposable
{
    private readonly List<string> _folders = [];

    /// <param name="allLogs">Every job's log (history keeps passing logs); else failed jobs' only.</param>
    public RunInput Fetch(string url, ProviderOptions options, bool allLogs)
    {
        string folder = Directory.CreateTempSubdirectory("cidoctor-run-").FullName;
        _folders.Add(folder);
        FetchCommand.Fetch(url, folder, options, new FetchOptions(AllLogs: allLogs));
        return RunJsonReader.Read(folder) with { Sources = [url] };
    }

    public void Dispose()
    {
        foreach (string folder in _folders)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temporary download left behind is not worth failing the command for.
            }
        }
    }
}
