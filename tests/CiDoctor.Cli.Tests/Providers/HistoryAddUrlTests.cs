using System.Text.Json;
using CiDoctor.Testing;
using CiDoctor.Testing.Providers;

namespace CiDoctor.Cli.Tests.Providers;

/// <summary><c>history add URL</c>: the run fetched from the provider and recorded like a folder.</summary>
public class HistoryAddUrlTests
{
    [Fact]
    public void HistoryAdd_GitHubRunUrl_RecordsEveryJob_AndReaddingChangesNothing()
    {
        using var api = GitHubApi.Serve(new FakeApi());
        using var dir = new TempDir();
        string db = dir.File("history.db");
        var env = GitHubFetchTests.Env();

        var first = CliRunner.RunWithEnv(env, "history", "add", "https://github.com/o/r/actions/runs/1", "--api-url", api.Base, "--db", db);
        var again = CliRunner.RunWithEnv(env, "history", "add", "https://github.com/o/r/actions/runs/1", "--api-url", api.Base, "--db", db);
        var flaky = CliRunner.RunWithEnv(env, "history", "flaky", "--db", db, "--format", "json");

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.StartsWith("recorded run 1 ", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("3 job(s), 2 failed", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("already recorded", again.Stdout, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(flaky.Stdout);
        var jobs = json.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("job").GetString()).ToHashSet();
        Assert.Contains("build (ubuntu-latest)", jobs);
        Assert.Contains("lint", jobs);
    }
}
