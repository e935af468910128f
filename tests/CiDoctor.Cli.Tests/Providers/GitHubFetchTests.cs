using System.Text.Json;
using CiDoctor.Testing;
using CiDoctor.Testing.Providers;

namespace CiDoctor.Cli.Tests.Providers;

/// <summary>diagnose and fetch of a GitHub Actions run against a local server that speaks the REST API.</summary>
public class GitHubFetchTests
{
    private const string Url = "https://github.com/o/r/actions/runs/1";

    [Fact]
    public void Diagnose_RunUrl_DiagnosesEachFailedJobFromItsFetchedLog()
    {
        using var api = GitHubApi.Serve(new FakeApi());

        var result = CliRunner.RunWithEnv(Env(), "diagnose", Url, "--api-url", api.Base, "--format", "json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(Url, root.GetProperty("sources")[0].GetString());
        Assert.Equal("github", root.GetProperty("run").GetProperty("provider").GetString());
        Assert.Equal(GitHubApi.Sha, root.GetProperty("run").GetProperty("commit").GetString());
        var jobs = root.GetProperty("jobs").EnumerateArray().ToDictionary(j => j.GetProperty("name").GetString()!);
        Assert.Equal(["lint", "build (ubuntu-latest)", "deploy"], jobs.Keys);
        var build = jobs["build (ubuntu-latest)"];
        Assert.Equal("disk-full", build.GetProperty("rootCause").GetProperty("kind").GetString());
        Assert.Equal("Run cargo build --release", build.GetProperty("failedStep").GetString());
        var cause = build.GetProperty("evidence").EnumerateArray().First();
        Assert.Equal(5, cause.GetProperty("line").GetInt32());
        Assert.Contains("No space left on device", cause.GetProperty("text").GetString(), StringComparison.Ordinal);
        // deploy needs build (from the workflow file at the run's commit): a cascade, not a second cause.
        Assert.Equal("build (ubuntu-latest)", jobs["deploy"].GetProperty("cascadeOf").GetString());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("rootCauses").GetInt32());
        // deploy's log had expired: the report says so.
        Assert.Contains(root.GetProperty("run").GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("deploy: no log", StringComparison.Ordinal));
    }

    [Fact]
    public void Fetch_WritesAFolderThatDiagnoseReadsToTheSameResult()
    {
        using var api = GitHubApi.Serve(new FakeApi());
        using var dir = new TempDir();
        string folder = dir.File("run");

        var fetch = CliRunner.RunWithEnv(Env(), "fetch", Url, "--api-url", api.Base, "--out", folder);
        var fromFolder = CliRunner.RunWithEnv(Env(), "diagnose", folder, "--format", "json");
        var fromUrl = CliRunner.RunWithEnv(Env(), "diagnose", Url, "--api-url", api.Base, "--format", "json");

        Assert.True(fetch.ExitCode == 0, fetch.Stderr);
        Assert.True(File.Exists(Path.Combine(folder, "run.json")));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(folder, "logs")).Length);   // lint and build; deploy's expired
        using var a = JsonDocument.Parse(fromFolder.Stdout);
        using var b = JsonDocument.Parse(fromUrl.Stdout);
        Assert.Equal(a.RootElement.GetProperty("summary").GetRawText(), b.RootElement.GetProperty("summary").GetRawText());
        foreach (var (x, y) in Failed(a).Zip(Failed(b)))
        {
            Assert.Equal(x.GetRawText(), y.GetRawText());
        }
    }

    [Fact]
    public void Diagnose_RunUrlAsHtml_ShowsTheLinesAroundTheEvidence_FromTheFetchedLog()
    {
        using var api = GitHubApi.Serve(new FakeApi());

        var result = CliRunner.RunWithEnv(Env(), "diagnose", Url, "--api-url", api.Base, "--format", "html");

        Assert.True(result.ExitCode == 0, result.Stderr);
        // The excerpts are read from the downloaded log before the temporary folder is removed.
        Assert.Contains("Surrounding lines", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Compiling object v0.32.1", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("not available", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Fetch_TokenGoesToTheApiOnly_AndAppearsNowhere()
    {
        using var api = GitHubApi.Serve(new FakeApi());
        using var dir = new TempDir();
        string folder = dir.File("run");

        var fetch = CliRunner.RunWithEnv(Env(), "fetch", Url, "--api-url", api.Base, "--out", folder);

        Assert.Equal(0, fetch.ExitCode);
        var requests = api.Requests.ToList();
        Assert.All(requests.Where(r => r.Host == "127.0.0.1"), r => Assert.Equal("Bearer " + GitHubApi.Token, r.Authorization));
        var blob = requests.Where(r => r.PathAndQuery.StartsWith("/blob/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, blob.Count);
        Assert.All(blob, r => Assert.Null(r.Authorization));   // the redirect target never gets the token
        Assert.DoesNotContain(GitHubApi.Token, fetch.Stdout + fetch.Stderr, StringComparison.Ordinal);
        foreach (string file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(GitHubApi.Token, File.ReadAllText(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Diagnose_Unauthorized_IsOneLineExitTwo_WithoutTheToken()
    {
        using var api = new FakeApi();
        api.On("GET", "/repos/o/r/actions/runs/1", _ => new FakeApi.Reply(401, "{\"message\":\"Bad credentials\"}"));

        var result = CliRunner.RunWithEnv(Env(), "diagnose", Url, "--api-url", api.Base);

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.Contains("401", line, StringComparison.Ordinal);
        Assert.Contains("GITHUB_TOKEN", line, StringComparison.Ordinal);
        Assert.DoesNotContain(GitHubApi.Token, result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [InlineData(403, "{\"message\":\"API rate limit exceeded\"}", "rate-limited")]
    [InlineData(403, "{\"message\":\"Resource not accessible by integration\"}", "no access")]
    [InlineData(404, "{\"message\":\"Not Found\"}", "private")]
    [InlineData(410, "{\"message\":\"Gone\"}", "expired")]
    public void Diagnose_ClientErrors_SayWhichInOneLine(int status, string body, string says)
    {
        using var api = new FakeApi();
        var headers = says == "rate-limited" ? new Dictionary<string, string> { ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset"] = "4102444800" } : null;
        api.On("GET", "/repos/o/r/actions/runs/1", _ => new FakeApi.Reply(status, body, Headers: headers));

        // A limit that resets in 2100 is reported at once, not slept through.
        var result = CliRunner.RunWithEnv(Env(), "diagnose", Url, "--api-url", api.Base);

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
        Assert.Contains(says, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Fetch_IntoANonEmptyFolder_IsRefused_AndTheFolderIsUntouched()
    {
        using var api = GitHubApi.Serve(new FakeApi());
        using var dir = new TempDir();
        File.WriteAllText(dir.File("keep.txt"), "mine");

        var result = CliRunner.RunWithEnv(Env(), "fetch", Url, "--api-url", api.Base, "--out", dir.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not empty", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
        Assert.Empty(api.Requests);
    }

    private static IEnumerable<JsonElement> Failed(JsonDocument doc) =>
        doc.RootElement.GetProperty("jobs").EnumerateArray().Where(j => j.GetProperty("status").GetString() == "failed");

    internal static Dictionary<string, string> Env(params (string Name, string Value)[] extra)
    {
        var env = new Dictionary<string, string> { ["GITHUB_TOKEN"] = GitHubApi.Token };
        foreach (var (name, value) in extra)
        {
            env[name] = value;
        }
        return env;
    }
}
