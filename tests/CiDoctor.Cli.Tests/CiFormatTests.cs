using System.Text.Json;
using CiDoctor.Testing;

namespace CiDoctor.Cli.Tests;

/// <summary>
/// <c>--format github</c> and <c>--format gitlab</c> end to end, with the runner's environment
/// passed in (never the machine's own GITHUB_STEP_SUMMARY). See docs/CI.md.
/// </summary>
public sealed class CiFormatTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly string _sample = Path.Combine(Repo.Samples, "nix-disk-full");

    public void Dispose() => _dir.Dispose();

    private Dictionary<string, string> GitHubEnv(string? summary) => new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_WORKSPACE"] = _dir.CreateFolder("workspace"),
        ["GITHUB_SERVER_URL"] = "https://github.com",
        ["GITHUB_REPOSITORY"] = "o/r",
        ["GITHUB_RUN_ID"] = "18500875303",
        ["GITHUB_RUN_NUMBER"] = "7",
        ["GITHUB_STEP_SUMMARY"] = summary ?? "",
    };

    [Fact]
    public void GitHub_NixDiskFull_OneErrorPerRootCauseAndReportAppendedToTheSummary()
    {
        string summary = _dir.Write("step_summary_1", "### Earlier step\n");

        var result = CliRunner.RunWithEnv(GitHubEnv(summary), "diagnose", _sample, "--format", "github");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("::error title=nix (x86_64-linux)%2C nix (aarch64-linux)%3A Runner ran out of disk space::", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("::error title=justfile-activation%3A ", lines[1], StringComparison.Ordinal);
        Assert.All(lines, l => Assert.DoesNotContain("file=", l, StringComparison.Ordinal));
        string text = File.ReadAllText(summary);
        Assert.StartsWith("### Earlier step\n\n# CI failure analysis: multi-user architecture CI\n", text, StringComparison.Ordinal);
        Assert.Contains("## Failure 3: justfile-activation", text, StringComparison.Ordinal);
    }

    [Fact]
    public void GitHub_CompilerErrorInARepoFile_AnnotationPointsAtTheFile()
    {
        var env = GitHubEnv(_dir.Write("step_summary_2", ""));
        File.WriteAllText(Path.Combine(env["GITHUB_WORKSPACE"], "Program.cs"), "class P {}\n");
        string log = _dir.Write("build.log", EvalCaseWriter.Log(
            "  Restored /w/App.csproj",
            $"{env["GITHUB_WORKSPACE"]}/Program.cs(12,5): error CS0246: The type or namespace name 'Foo' could not be found [/w/App.csproj]",
            "Build FAILED."));

        var result = CliRunner.RunWithEnv(env, "diagnose", log, "--format", "github");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("::error file=Program.cs,line=12,col=5,title=build.log%3A ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void GitHub_SummaryFolderMissing_OneErrorLineExit2NoOutput()
    {
        string missing = Path.Combine(_dir.Path, "no-such-folder", "step_summary");

        var result = CliRunner.RunWithEnv(GitHubEnv(missing), "diagnose", _sample, "--format", "github");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith($"cidoctor: GITHUB_STEP_SUMMARY={missing}: the folder ", line, StringComparison.Ordinal);
        Assert.Contains("unset it", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
    }

    [Fact]
    public void GitHub_NoSummaryVariable_MarkdownOnStdoutAfterAnnotationsAndOneNotice()
    {
        var result = CliRunner.RunWithEnv(GitHubEnv(null), "diagnose", _sample, "--format", "github");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("GITHUB_STEP_SUMMARY is not set", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        var lines = result.Stdout.Split('\n');
        Assert.StartsWith("::error ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("::stop-commands::", lines[2], StringComparison.Ordinal);
        Assert.Equal("# CI failure analysis: multi-user architecture CI", lines[3]);
    }

    [Fact]
    public void GitHub_OnForgejo_SummaryFileLeftAloneAndMarkdownPrinted()
    {
        string summary = _dir.Write("SUMMARY.md", "");
        var env = GitHubEnv(summary);
        env["FORGEJO_ACTIONS"] = "true";
        env["GITEA_ACTIONS"] = "true";

        var result = CliRunner.RunWithEnv(env, "diagnose", _sample, "--format", "github");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", File.ReadAllText(summary));
        Assert.Contains("Forgejo Actions does not show step summaries", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.Contains("\n# CI failure analysis: multi-user architecture CI\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void GitLab_NixDiskFull_CodeQualityEntriesFieldByField()
    {
        var env = new Dictionary<string, string> { ["CI_PROJECT_DIR"] = _dir.CreateFolder("project") };

        var result = CliRunner.RunWithEnv(env, "diagnose", _sample, "--format", "gitlab");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.StartsWith("[", result.Stdout, StringComparison.Ordinal); // no BOM: GitLab's parser refuses one
        var entries = JsonDocument.Parse(result.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(3, entries.Count);
        string[] jobs = ["nix (x86_64-linux)", "nix (aarch64-linux)", "justfile-activation"];
        string[] checks = ["cidoctor/resource.disk-full", "cidoctor/resource.disk-full", "cidoctor/nix.flake-show-placeholder"];
        for (int i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            Assert.Equal(["description", "check_name", "fingerprint", "severity", "location"], e.EnumerateObject().Select(p => p.Name));
            Assert.StartsWith(jobs[i] + ": ", e.GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.Equal(checks[i], e.GetProperty("check_name").GetString());
            Assert.Matches("^[0-9a-f]{32}$", e.GetProperty("fingerprint").GetString());
            Assert.Contains(e.GetProperty("severity").GetString(), (string[])["info", "minor", "major", "critical", "blocker"]);
            var location = e.GetProperty("location");
            Assert.Equal(["path", "lines"], location.EnumerateObject().Select(p => p.Name));
            Assert.Equal(".gitlab-ci.yml", location.GetProperty("path").GetString());
            Assert.Equal(1, location.GetProperty("lines").GetProperty("begin").GetInt32());
        }
        Assert.Equal("critical", entries[0].GetProperty("severity").GetString()); // resource.disk-full is severity: high
        Assert.Equal(3, entries.Select(e => e.GetProperty("fingerprint").GetString()).Distinct().Count());
    }

    [Fact]
    public void GitLab_RunTwice_SameFingerprintsAndCustomConfigPath()
    {
        var env = new Dictionary<string, string> { ["CI_PROJECT_DIR"] = _dir.CreateFolder("project"), ["CI_CONFIG_PATH"] = "ci/main.yml" };
        string outFile = Path.Combine(_dir.Path, "gl-code-quality-report.json");

        var first = CliRunner.RunWithEnv(env, "diagnose", _sample, "--format", "gitlab", "--out", outFile);
        string written = File.ReadAllText(outFile);
        var second = CliRunner.RunWithEnv(env, "diagnose", _sample, "--format", "gitlab");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal("", first.Stdout);
        Assert.Equal(written, second.Stdout);
        Assert.All(JsonDocument.Parse(written).RootElement.EnumerateArray(),
            e => Assert.Equal("ci/main.yml", e.GetProperty("location").GetProperty("path").GetString()));
    }

    [Fact]
    public void Help_Diagnose_ListsTheCiFormatsAndReportUrl()
    {
        var result = CliRunner.Run("diagnose", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("github", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("gitlab", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--report-url", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("docs/CI.md", result.Stdout, StringComparison.Ordinal);
    }
}
