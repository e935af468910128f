using System.Text.Json;
using CiDoctor.Core.Model;
using CiDoctor.Testing;
using CiDoctor.Testing.Providers;

namespace CiDoctor.Providers.Tests;

/// <summary>
/// <see cref="RunFetcher.FetchAsync"/> against local servers that speak each provider's API: the
/// run saved as a folder (logs and run.json), without the CLI around it.
/// </summary>
public class RunFetcherTests
{
    private const string GitHubRun = "https://github.com/o/r/actions/runs/1";

    [Fact]
    public async Task FetchAsync_GitHubRun_SavesLogsAndRunJson_WithNeedsFromTheWorkflowFile()
    {
        using var api = GitHubApi.Serve(new FakeApi());
        using var dir = new TempDir();

        var run = await RunFetcher.FetchAsync(GitHubRun, dir.File("run"), Options(api.Base), new FetchOptions(), CancellationToken.None);

        Assert.Equal(["lint", "build (ubuntu-latest)", "deploy"], run.Jobs.Select(j => j.Name));
        Assert.Equal(RunStatus.Failed, run.Jobs[1].Status);
        Assert.Equal(["lint", "build (ubuntu-latest)"], run.Jobs[2].Needs);   // from .github/workflows/ci.yml at the run's commit, in job order
        Assert.Equal(GitHubApi.Sha, run.Run.Commit);
        Assert.Contains(run.Notes, n => n.StartsWith("deploy: no log", StringComparison.Ordinal));
        Assert.Equal(GitHubApi.BuildLog, File.ReadAllText(Path.Combine(dir.File("run"), run.Jobs[1].Log!)));
        Assert.Null(run.Jobs[2].Log);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("run/run.json")));
        Assert.Equal("github", json.RootElement.GetProperty("provider").GetString());
    }

    [Fact]
    public async Task FetchAsync_RateLimitedFirstAnswer_IsRetriedAfterTheAdvertisedWait()
    {
        var clock = new ManualClock();
        using var api = GitHubApi.Serve(new FakeApi(), rateLimitFirst: true);
        using var dir = new TempDir();

        var fetch = RunFetcher.FetchAsync(GitHubRun, dir.File("run"), Options(api.Base) with { Clock = clock }, new FetchOptions(), CancellationToken.None);
        var wait = clock.NextWait();
        clock.Advance(wait);
        var run = await fetch;

        Assert.Equal(TimeSpan.FromSeconds(1), wait);   // Retry-After: 1
        Assert.Equal(2, api.Requests.Count(r => r.PathAndQuery == "/repos/o/r/actions/runs/1"));
        Assert.Equal(3, run.Jobs.Count);
    }

    [Fact]
    public async Task FetchAsync_GitHubLogRedirect_TokenGoesToTheApiOnly()
    {
        using var api = GitHubApi.Serve(new FakeApi());
        using var dir = new TempDir();

        await RunFetcher.FetchAsync(GitHubRun, dir.File("run"), Options(api.Base), new FetchOptions(), CancellationToken.None);

        var requests = api.Requests.ToList();
        Assert.All(requests.Where(r => r.Host == "127.0.0.1"), r => Assert.Equal("Bearer " + GitHubApi.Token, r.Authorization));
        var blob = requests.Where(r => r.PathAndQuery.StartsWith("/blob/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, blob.Count);
        Assert.All(blob, r => Assert.Null(r.Authorization));
        Assert.All(Directory.GetFiles(dir.File("run"), "*", SearchOption.AllDirectories),
            file => Assert.DoesNotContain(GitHubApi.Token, File.ReadAllText(file), StringComparison.Ordinal));
    }

    [Fact]
    public async Task FetchAsync_GitLabPipeline_FollowsPages_AndReadsNeedsFromGraphQL()
    {
        using var api = GitLabApi.Serve(new FakeApi());
        using var dir = new TempDir();
        var options = new ProviderOptions(api.Base + "/api/v4", GetEnv: name => name == "GITLAB_TOKEN" ? GitLabApi.Token : null);

        var run = await RunFetcher.FetchAsync("https://gitlab.example.com/group/sub/project/-/pipelines/42", dir.File("run"), options, new FetchOptions(), CancellationToken.None);

        Assert.Equal(["lint", "build", "test"], run.Jobs.Select(j => j.Name));   // three jobs over two pages, in the order they ran
        Assert.Equal(["build"], run.Jobs[2].Needs);
        Assert.All(api.Requests.Where(r => r.Method == "GET"), r => Assert.Equal(GitLabApi.Token, r.PrivateToken));
    }

    [Fact]
    public async Task FetchAsync_ForgejoRun_FindsTheRunByItsNumber()
    {
        using var api = ForgejoApi.Serve(new FakeApi());
        using var dir = new TempDir();
        var options = new ProviderOptions(api.Base + "/api/v1", GetEnv: name => name == "FORGEJO_TOKEN" ? ForgejoApi.Token : null);

        var run = await RunFetcher.FetchAsync("https://codeberg.example/o/r/actions/runs/7", dir.File("run"), options, new FetchOptions(), CancellationToken.None);

        Assert.Equal("3187", run.Run.RunId);
        var recipe = run.Jobs.Single(j => j.Name == "recipe-ci");
        Assert.Equal(ForgejoApi.RecipeLog, File.ReadAllText(Path.Combine(dir.File("run"), recipe.Log!)));
    }

    private static ProviderOptions Options(string apiBase) => new(apiBase, GetEnv: GitHubApi.GetEnv);
}
