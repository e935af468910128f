using System.Diagnostics;
using System.Text.Json;
using CiDoctor.Testing;

namespace CiDoctor.Cli.Tests.Env;

/// <summary>
/// The env commands end to end. Captures run the real CLI in a child process, because what they
/// capture is the process's own environment (PATH, TMPDIR, secrets) and the test's must not change.
/// </summary>
public class EnvCliTests
{
    [Fact]
    public void Capture_WithAPathLackingGit_ThenNormally_DiffReportsGitMissing()
    {
        using var dir = new TempDir();
        string empty = Directory.CreateDirectory(dir.File("empty-bin")).FullName;
        Capture(dir.File("no-git.json"), new() { ["PATH"] = empty }, "--tools", "git,sh");
        Capture(dir.File("normal.json"), [], "--tools", "git,sh");

        var result = CliRunner.Run("env", "diff", dir.File("no-git.json"), dir.File("normal.json"), "--format", "json", "--fail-on-drift");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.True(json.RootElement.GetProperty("drift").GetBoolean());
        var git = json.RootElement.GetProperty("differences").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "git");
        Assert.Equal("tool-missing", git.GetProperty("kind").GetString());
        Assert.Equal("A", git.GetProperty("missingIn").GetString());
        Assert.Equal(JsonValueKind.Null, git.GetProperty("a").ValueKind);
        Assert.EndsWith("/git", git.GetProperty("b").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Capture_WithTmpdirThatDoesNotExist_RecordsItUnusable_AndDiffReportsTmpdir()
    {
        using var dir = new TempDir();
        Capture(dir.File("bad.json"), new() { ["TMPDIR"] = dir.File("missing-tmp") }, "--tools", "sh");
        Capture(dir.File("good.json"), new() { ["TMPDIR"] = dir.Path }, "--tools", "sh");

        using var bad = JsonDocument.Parse(File.ReadAllText(dir.File("bad.json")));
        var tmp = bad.RootElement.GetProperty("tmp");
        Assert.False(tmp.GetProperty("exists").GetBoolean());
        Assert.False(tmp.GetProperty("writable").GetBoolean());
        Assert.False(tmp.GetProperty("createdTempDir").GetBoolean());
        var result = CliRunner.Run("env", "diff", dir.File("good.json"), dir.File("bad.json"), "--format", "json");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"kind\": \"tmpdir\"", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void DiagnoseWithEnv_GitLfsMissingInTheSnapshot_IsAMissingToolVerdictCitingTheSnapshot()
    {
        using var dir = new TempDir();
        string bin = FakeTool.Write(dir, "bin", "git");
        Capture(dir.File("timer.json"), new() { ["PATH"] = bin }, "--tools", "git,git-lfs");
        File.WriteAllText(dir.File("job.log"), "Fetching LFS objects\ngit: 'lfs' is not a git command. See 'git --help'.\nError: Process completed with exit code 1.\n");

        var result = CliRunner.Run("diagnose", dir.File("job.log"), "--env", dir.File("timer.json"), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var job = json.RootElement.GetProperty("jobs")[0];
        Assert.Equal("missing-tool", job.GetProperty("rootCause").GetProperty("kind").GetString());
        var snapshot = job.GetProperty("evidence").EnumerateArray().Where(e => e.GetProperty("source").GetString() == "snapshot").ToList();
        var cause = Assert.Single(snapshot);
        Assert.Equal("cause", cause.GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, cause.GetProperty("line").ValueKind);
        Assert.Contains("git-lfs is not installed", cause.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_ThenCheck_ExitsOneWhenAToolIsMissing()
    {
        using var dir = new TempDir();
        string bin = FakeTool.Write(dir, "bin", "git");
        FakeTool.Write(dir, "bin", "git-lfs");
        Capture(dir.File("ci.json"), new() { ["PATH"] = bin }, "--tools", "git,git-lfs");
        string gitOnly = FakeTool.Write(dir, "timer-bin", "git");
        Capture(dir.File("timer.json"), new() { ["PATH"] = gitOnly }, "--tools", "git,git-lfs");

        var manifest = CliRunner.Run("env", "manifest", dir.File("ci.json"), dir.File("timer.json"));
        File.WriteAllText(dir.File("env.yaml"), manifest.Stdout);
        var check = CliRunner.Run("env", "check", dir.File("timer.json"), "--manifest", dir.File("env.yaml"));

        Assert.Equal(0, manifest.ExitCode);
        Assert.Contains("- git-lfs", manifest.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("tool-missing     git-lfs", check.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("env", "check", dir.File("ci.json"), "--manifest", dir.File("env.yaml")).ExitCode);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"schemaVersion\": 7}")]
    [InlineData("")]
    public void Diff_OfABadSnapshot_IsOneLineAndExitTwo(string content)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("bad.json"), content);

        var result = CliRunner.Run("env", "diff", dir.File("bad.json"), dir.File("bad.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.Contains("bad.json", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_OfAFolder_SaysItIsAFolder()
    {
        using var dir = new TempDir();

        var result = CliRunner.Run("env", "diff", dir.Path, dir.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is a folder", Assert.Single(result.Stderr.TrimEnd().Split('\n')), StringComparison.Ordinal);
    }

    [Fact]
    public void Capture_BadEndpoint_IsAUsageError()
    {
        var result = CliRunner.Run("env", "capture", "--endpoint", "no-port-here", "--tools", "sh");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("HOST:PORT", result.Stderr, StringComparison.Ordinal);
    }

    // The dotnet host by absolute path: the child's PATH may lack it on purpose.
    private static string DotnetHost()
    {
        if (System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host)
        {
            return host;
        }
        string? process = System.Environment.ProcessPath;
        return process is not null && Path.GetFileNameWithoutExtension(process) == "dotnet" ? process : "/usr/bin/dotnet";
    }

    /// <summary>Runs <c>cidoctor env capture --out FILE</c> in a child process with <paramref name="env"/> changed.</summary>
    internal static void Capture(string output, Dictionary<string, string> env, params string[] args)
    {
        string cli = typeof(CliApp).Assembly.Location;
        var start = new ProcessStartInfo(DotnetHost(), [cli, "env", "capture", "--out", output, "--timeout", "10", .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in env)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        string stderr = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "env capture did not finish in 60 s");
        Assert.True(process.ExitCode == 0, $"env capture exited {process.ExitCode}: {stderr}");
    }
}
