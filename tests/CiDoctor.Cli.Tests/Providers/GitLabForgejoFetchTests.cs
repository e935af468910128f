using System.Text.Json;
using CiDoctor.Testing;
using CiDoctor.Testing.Providers;

namespace CiDoctor.Cli.Tests.Providers;

/// <summary>diagnose and fetch of a GitLab pipeline and a Forgejo run against local servers speaking their APIs.</summary>
public class GitLabForgejoFetchTests
{
    private const string GitLabUrl = "https://gitlab.example.com/group/sub/project/-/pipelines/42";
    private const string ForgejoUrl = "https://codeberg.example/o/r/actions/runs/7";

    [Fact]
    public void Diagnose_GitLabPipeline_FollowsPagesAndNeeds_AndDiagnosesFromTraces()
    {
        using var api = GitLabApi.Serve(new FakeApi());

        var result = CliRunner.RunWithEnv(new Dictionary<string, string> { ["GITLAB_TOKEN"] = GitLabApi.Token },
            "diagnose", GitLabUrl, "--api-url", api.Base + "/api/v4", "--format", "json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var jobs = json.RootElement.GetProperty("jobs").EnumerateArray().ToDictionary(j => j.GetProperty("name").GetString()!);
        Assert.Equal(["lint", "build", "test"], jobs.Keys);   // by id: the order they ran
        Assert.Equal("disk-full", jobs["build"].GetProperty("rootCause").GetProperty("kind").GetString());
        Assert.Equal("build", jobs["test"].GetProperty("cascadeOf").GetString());
        Assert.Equal("passed", jobs["lint"].GetProperty("status").GetString());
        Assert.Equal("gitlab", json.RootElement.GetProperty("run").GetProperty("provider").GetString());
        Assert.All(api.Requests.Where(r => r.Method == "GET"), r => Assert.Equal(GitLabApi.Token, r.PrivateToken));
        Assert.DoesNotContain(GitLabApi.Token, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Fetch_GitLabPipeline_FolderDiagnosesTheSame()
    {
        using var api = GitLabApi.Serve(new FakeApi());
        using var dir = new TempDir();
        var env = new Dictionary<string, string> { ["GITLAB_TOKEN"] = GitLabApi.Token };

        var fetch = CliRunner.RunWithEnv(env, "fetch", GitLabUrl, "--api-url", api.Base + "/api/v4", "--out", dir.File("run"));
        var fromFolder = CliRunner.RunWithEnv(env, "diagnose", dir.File("run"), "--format", "json");
        var fromUrl = CliRunner.RunWithEnv(env, "diagnose", GitLabUrl, "--api-url", api.Base + "/api/v4", "--format", "json");

        Assert.True(fetch.ExitCode == 0, fetch.Stderr);
        AssertSameFailures(fromFolder.Stdout, fromUrl.Stdout);
        string runJson = File.ReadAllText(dir.File("run/run.json"));
        Assert.Contains("\"needs\": [\n        \"build\"\n      ]", runJson.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain(GitLabApi.Token, runJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_ForgejoRun_FindsTheRunByNumber_AndReadsLogsFromTheWebRoute()
    {
        using var api = ForgejoApi.Serve(new FakeApi());

        var result = CliRunner.RunWithEnv(new Dictionary<string, string> { ["FORGEJO_TOKEN"] = ForgejoApi.Token },
            "diagnose", ForgejoUrl, "--api-url", api.Base + "/api/v1", "--format", "json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var run = json.RootElement.GetProperty("run");
        Assert.Equal("forgejo", run.GetProperty("provider").GetString());
        Assert.Equal("3187", run.GetProperty("runId").GetString());
        var job = json.RootElement.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("name").GetString() == "recipe-ci");
        Assert.Equal("missing-tool", job.GetProperty("rootCause").GetProperty("kind").GetString());
        Assert.Contains(api.Requests, r => r.PathAndQuery == "/o/r/actions/runs/7/jobs/1/attempt/1/logs" && r.Authorization == "token " + ForgejoApi.Token);
        Assert.DoesNotContain(ForgejoApi.Token, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Fetch_ForgejoRun_FolderDiagnosesTheSame()
    {
        using var api = ForgejoApi.Serve(new FakeApi());
        using var dir = new TempDir();
        var env = new Dictionary<string, string> { ["FORGEJO_TOKEN"] = ForgejoApi.Token };

        var fetch = CliRunner.RunWithEnv(env, "fetch", ForgejoUrl, "--api-url", api.Base + "/api/v1", "--out", dir.File("run"));
        var fromFolder = CliRunner.RunWithEnv(env, "diagnose", dir.File("run"), "--format", "json");
        var fromUrl = CliRunner.RunWithEnv(env, "diagnose", ForgejoUrl, "--api-url", api.Base + "/api/v1", "--format", "json");

        Assert.True(fetch.ExitCode == 0, fetch.Stderr);
        AssertSameFailures(fromFolder.Stdout, fromUrl.Stdout);
    }

    [Fact]
    public void Diagnose_ForgejoRunNumberNotFound_IsOneLine()
    {
        using var api = ForgejoApi.Serve(new FakeApi());

        var result = CliRunner.RunWithEnv(new Dictionary<string, string>(), "diagnose", "https://codeberg.example/o/r/actions/runs/99", "--api-url", api.Base + "/api/v1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("run number 99", Assert.Single(result.Stderr.TrimEnd().Split('\n')), StringComparison.Ordinal);
    }

    private static void AssertSameFailures(string a, string b)
    {
        using var x = JsonDocument.Parse(a);
        using var y = JsonDocument.Parse(b);
        Assert.Equal(x.RootElement.GetProperty("summary").GetRawText(), y.RootElement.GetProperty("summary").GetRawText());
        var fx = x.RootElement.GetProperty("jobs").EnumerateArray().Where(j => j.GetProperty("status").GetString() == "failed").Select(j => j.GetRawText()).ToList();
        var fy = y.RootElement.GetProperty("jobs").EnumerateArray().Where(j => j.GetProperty("status").GetString() == "failed").Select(j => j.GetRawText()).ToList();
        Assert.NotEmpty(fx);
        Assert.Equal(fx, fy);
    }
}
