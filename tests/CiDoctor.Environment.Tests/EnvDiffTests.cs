using CiDoctor.Env.Drift;
using CiDoctor.Env.Snapshots;
using static CiDoctor.Environment.Tests.SnapshotKit;

namespace CiDoctor.Environment.Tests;

/// <summary>What <c>env diff</c> calls drift, and what it leaves out.</summary>
public class EnvDiffTests
{
    [Fact]
    public void SameSnapshot_HasNoDrift()
    {
        var a = Snapshot(tools: new Dictionary<string, ToolInfo> { ["git"] = Found("/usr/bin/git", "git version 2.43.0") });
        Assert.False(EnvDiff.Compare(a, a).Drift);
    }

    [Fact]
    public void ToolMissingInA_SaysA_AndGivesBothValues()
    {
        var a = Snapshot(tools: new Dictionary<string, ToolInfo> { ["git-lfs"] = Missing });
        var b = Snapshot(tools: new Dictionary<string, ToolInfo> { ["git-lfs"] = Found("/usr/bin/git-lfs") });

        var d = Assert.Single(EnvDiff.Compare(a, b).Differences);

        Assert.Equal(("tool-missing", "git-lfs", "A", (string?)null, "/usr/bin/git-lfs"), (d.Kind, d.Name, d.MissingIn, d.A, d.B));
    }

    [Fact]
    public void PathOrderThatPicksAnotherBinary_IsToolPath_AndOtherVersionsAreToolVersion()
    {
        var a = Snapshot(path: ["/usr/local/bin", "/usr/bin"], tools: new Dictionary<string, ToolInfo> { ["python3"] = Found("/usr/local/bin/python3", "Python 3.12.1") });
        var b = Snapshot(path: ["/usr/bin", "/usr/local/bin"], tools: new Dictionary<string, ToolInfo> { ["python3"] = Found("/usr/bin/python3", "Python 3.11.2") });

        var differences = EnvDiff.Compare(a, b).Differences;

        var path = Assert.Single(differences, d => d.Kind == "tool-path");
        Assert.StartsWith("PATH order differs", path.Detail, StringComparison.Ordinal);
        var version = Assert.Single(differences, d => d.Kind == "tool-version");
        Assert.Equal(("Python 3.12.1", "Python 3.11.2"), (version.A, version.B));
    }

    [Fact]
    public void ToolAskedForInOneCaptureOnly_IsNotDrift()
    {
        var a = Snapshot(tools: new Dictionary<string, ToolInfo> { ["nix"] = Found("/nix/var/nix/profiles/default/bin/nix") });
        Assert.False(EnvDiff.Compare(a, Snapshot()).Drift);
    }

    [Fact]
    public void Variables_SetInOneOnly_OrDifferent_AreDrift_ButRunIdsAndMaskedValuesAreNot()
    {
        var a = Snapshot(env: new Dictionary<string, string>
        {
            ["TMPDIR"] = "/mnt/tmp",
            ["LANG"] = "C.UTF-8",
            ["GITHUB_RUN_ID"] = "1",
            ["GITHUB_SHA"] = "abc",
            ["GITHUB_TOKEN"] = "***",
        });
        var b = Snapshot(env: new Dictionary<string, string>
        {
            ["LANG"] = "en_US.UTF-8",
            ["GITHUB_RUN_ID"] = "2",
            ["GITHUB_SHA"] = "def",
            ["GITHUB_TOKEN"] = "***",
            ["NIX_PATH"] = "nixpkgs=x",
        });

        var differences = EnvDiff.Compare(a, b).Differences;

        Assert.Equal(["env-missing:NIX_PATH:A", "env-missing:TMPDIR:B", "env-value:LANG"],
            differences.Select(d => d.Kind + ":" + d.Name + (d.MissingIn is null ? "" : ":" + d.MissingIn)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Resources_FarApart_AreDrift_AndCloseOnesAreNot()
    {
        var a = Snapshot(cpus: 4, memory: 16L << 30, available: 12L << 30);
        var b = Snapshot(cpus: 2, memory: 15L << 30, available: 11L << 30);

        var d = Assert.Single(EnvDiff.Compare(a, b).Differences);

        Assert.Equal(("resource", "cpus", "4", "2"), (d.Kind, d.Name, d.A, d.B));
    }

    [Fact]
    public void Endpoint_ReachableInOneOnly_IsDrift()
    {
        var a = Snapshot() with { Endpoints = [new EndpointInfo("cache:443", "cache", 443, ["10.0.0.1"], null, 3.2, 1.1, null)] };
        var b = Snapshot() with { Endpoints = [new EndpointInfo("cache:443", "cache", 443, [], "HostNotFound", null, null, null)] };

        var d = Assert.Single(EnvDiff.Compare(a, b).Differences);

        Assert.Equal(("endpoint", "B"), (d.Kind, d.MissingIn));
        Assert.Contains("HostNotFound", d.Detail, StringComparison.Ordinal);
    }
}
