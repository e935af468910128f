using CiDoctor.Core.Catalog;
using CiDoctor.Core.Pipeline;

namespace CiDoctor.Providers.Tests;

/// <summary>
/// Run URLs as a source of the diagnosis pipeline, with no CLI: the run is fetched into a
/// temporary folder that lives as long as the diagnosed run, and only failed jobs' logs unless
/// every log is asked for.
/// </summary>
public class UrlRunSourceTests
{
    private const string Url = "https://github.com/o/r/actions/runs/1";

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    public void Diagnose_RunUrl_KeepsTheFetchedLogsUntilTheRunIsDisposed(bool allLogs, int logs)
    {
        using var api = GitHubApi.Serve(new FakeApi());
        var env = GitHubFetchTests.Env();
        var source = new UrlRunSource(new ProviderOptions(api.Base, GetEnv: name => env.GetValueOrDefault(name)));
        var pipeline = new DiagnosisPipeline(new DiagnosisPipelineOptions(CatalogLoader.Load([])) { Sources = [source] });

        string folder;
        using (var run = pipeline.Diagnose(new DiagnosisRequest([Url]) { Reading = new SourceOptions { AllLogs = allLogs } }))
        {
            Assert.Equal([Url], run.Report.Sources);
            var withLog = run.Input.Jobs.Where(j => j.Log is not null).ToList();
            Assert.Equal(logs, withLog.Count);
            folder = Path.GetDirectoryName(Path.GetDirectoryName(withLog[0].Log!.Where))!;
            Assert.True(File.Exists(Path.Combine(folder, "run.json")));
            Assert.Equal("disk-full", run.Report.Jobs.Single(j => j.Name == "build (ubuntu-latest)").RootCause?.Kind);
        }
        Assert.False(Directory.Exists(folder));
    }
}
