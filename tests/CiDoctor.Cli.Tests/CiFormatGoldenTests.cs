using CiDoctor.Testing;

namespace CiDoctor.Cli.Tests;

/// <summary>The CI formats of every sample, pinned by golden files (annotations; Code Quality JSON).</summary>
public class CiFormatGoldenTests
{
    public static TheoryData<string> Samples() => new(Directory.GetDirectories(Repo.Samples).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Diagnose_Sample_GitHubAnnotationsMatchGolden(string sample)
    {
        using var dir = new TempDir();
        var env = new Dictionary<string, string>
        {
            ["GITHUB_WORKSPACE"] = dir.CreateFolder("workspace"),
            ["GITHUB_STEP_SUMMARY"] = dir.Write("step_summary", ""),
        };

        var result = CliRunner.RunWithEnv(env, "diagnose", Path.Combine(Repo.Samples, sample), "--format", "github");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Golden.Verify($"Ci/{sample}.github.txt", Repo.Scrub(result.Stdout));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Diagnose_Sample_GitLabCodeQualityMatchesGolden(string sample)
    {
        using var dir = new TempDir();
        var env = new Dictionary<string, string> { ["CI_PROJECT_DIR"] = dir.CreateFolder("project") };

        var result = CliRunner.RunWithEnv(env, "diagnose", Path.Combine(Repo.Samples, sample), "--format", "gitlab");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Golden.Verify($"Ci/{sample}.gitlab.json", Repo.Scrub(result.Stdout));
    }
}
