using System.Text.Json;
using CiDoctor.Testing;

namespace CiDoctor.Cli.Tests.Samples;

/// <summary>The seed scenarios in samples/: right kind and origin, noise as noise, reports pinned by golden files.</summary>
public class SampleRunTests
{
    public static TheoryData<string> Samples() => new(Directory.GetDirectories(Repo.Samples).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [InlineData("nix-disk-full", "nix (x86_64-linux)", "disk-full", "environment")]
    [InlineData("nix-disk-full", "nix (aarch64-linux)", "disk-full", "environment")]
    [InlineData("nix-disk-full", "justfile-activation", "test-failure", "code")]
    [InlineData("forgejo-tmpdir", "check", "tmpdir", "environment")]
    [InlineData("k3s-stale-token", "debian-vlans", "stale-state", "code")]
    [InlineData("etcd-quorum-loss", "nixos-bonding-vlans", "cluster-formation", "environment")]
    [InlineData("missing-git-lfs", "recipe-ci", "missing-tool", "environment")]
    [InlineData("gitlab-nix-cache", "build", "nix-store", "environment")]
    public void Diagnose_SeedSample_NamesKindAndOrigin(string sample, string job, string kind, string origin)
    {
        var report = Json(sample);
        var j = report.RootElement.GetProperty("jobs").EnumerateArray().Single(x => x.GetProperty("name").GetString() == job);
        Assert.Equal("failed", j.GetProperty("status").GetString());
        Assert.Equal(kind, j.GetProperty("rootCause").GetProperty("kind").GetString());
        Assert.Equal(origin, j.GetProperty("origin").GetString());
        Assert.NotEqual(0, j.GetProperty("evidence").GetArrayLength());
    }

    [Theory]
    [InlineData("k3s-stale-token", "debian-vlans", "vm.qemu-smp-oversubscription")]
    [InlineData("etcd-quorum-loss", "nixos-bonding-vlans", "vm.qemu-smp-oversubscription")]
    [InlineData("nix-disk-full", "nix (x86_64-linux)", "cache.magic-nix-cache-throttled")]
    public void Diagnose_SeedSample_ListsBenignLinesAsNoiseNotEvidence(string sample, string job, string noiseId)
    {
        var report = Json(sample);
        var j = report.RootElement.GetProperty("jobs").EnumerateArray().Single(x => x.GetProperty("name").GetString() == job);
        var noise = j.GetProperty("noise").EnumerateArray().Where(n => n.GetProperty("id").GetString() == noiseId).ToList();
        Assert.NotEmpty(noise);
        var evidenceLines = j.GetProperty("evidence").EnumerateArray()
            .Where(e => e.GetProperty("line").ValueKind == JsonValueKind.Number)
            .Select(e => e.GetProperty("line").GetInt64()).ToHashSet();
        Assert.DoesNotContain(noise, n => evidenceLines.Contains(n.GetProperty("line").GetInt64()));
    }

    [Fact]
    public void Diagnose_NixDiskFull_ListsCascadesUnderTheFailedDerivation()
    {
        var report = Json("nix-disk-full");
        var j = report.RootElement.GetProperty("jobs").EnumerateArray().Single(x => x.GetProperty("name").GetString() == "nix (x86_64-linux)");
        var cascades = j.GetProperty("cascades").EnumerateArray().ToList();
        Assert.Equal(11, cascades.Count);
        Assert.All(cascades, c => Assert.Equal("bws-1.0.0.drv", c.GetProperty("causedBy").GetString()));
        Assert.Equal(3, cascades.Count(c => c.GetProperty("name").GetString() == "home-manager-path.drv"));
        var summary = report.RootElement.GetProperty("summary");
        Assert.Equal(3, summary.GetProperty("failedJobs").GetInt32());
        Assert.Equal(8, summary.GetProperty("passedJobs").GetInt32());
        Assert.True(summary.GetProperty("independent").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Diagnose_Sample_MarkdownReportMatchesGolden(string sample) =>
        Golden.Verify($"Samples/{sample}.md", Run(sample, "markdown"));

    [Theory]
    [MemberData(nameof(Samples))]
    public void Diagnose_Sample_JsonReportMatchesGolden(string sample) =>
        Golden.Verify($"Samples/{sample}.json", Run(sample, "json"));

    [Theory]
    [MemberData(nameof(Samples))]
    public void Diagnose_Sample_HtmlReportMatchesGolden(string sample) =>
        Golden.Verify($"Samples/{sample}.html", Run(sample, "html"));

    private static JsonDocument Json(string sample) => JsonDocument.Parse(Run(sample, "json"));

    private static string Run(string sample, string format)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(["diagnose", Path.Combine(Repo.Samples, sample), "--format", format], output, error, () => Stream.Null);
        Assert.True(code == 0, error.ToString());
        return Repo.Scrub(output.ToString());
    }
}
