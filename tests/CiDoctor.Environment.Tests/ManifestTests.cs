using CiDoctor.Core;
using CiDoctor.Env.Manifests;
using CiDoctor.Env.Snapshots;
using CiDoctor.Testing;
using static CiDoctor.Environment.Tests.SnapshotKit;

namespace CiDoctor.Environment.Tests;

/// <summary>Seed 004: one declaration, the union of every path's tools; a path checked against it.</summary>
public class ManifestTests
{
    [Fact]
    public void Union_HoldsEveryToolAnySnapshotFound_AndReadsBack()
    {
        var ci = Snapshot(tools: new Dictionary<string, ToolInfo> { ["git"] = Found("/usr/bin/git"), ["git-lfs"] = Found("/usr/bin/git-lfs"), ["docker"] = Missing });
        var timer = Snapshot(tools: new Dictionary<string, ToolInfo> { ["git"] = Found("/usr/bin/git"), ["nix"] = Found("/run/current-system/sw/bin/nix") });
        using var dir = new TempDir();
        string file = dir.File("env.yaml");

        File.WriteAllText(file, EnvManifest.Union([ci, timer]).ToYaml());
        var manifest = EnvManifest.Read(file);

        Assert.Equal(["git", "git-lfs", "nix"], manifest.Tools);
        Assert.True(manifest.WritableTmp);
    }

    [Fact]
    public void Check_ListsWhatThePathLacks()
    {
        var manifest = new EnvManifest { Tools = ["git", "git-lfs", "jq"], Env = ["TMPDIR"] };
        var timer = Snapshot(tools: new Dictionary<string, ToolInfo> { ["git"] = Found("/usr/bin/git"), ["git-lfs"] = Missing }, tmp: Tmp("/gone", usable: false));

        var gaps = ManifestCheck.Check(timer, manifest);

        Assert.Equal(["tool-missing:git-lfs", "tool-not-probed:jq", "env-missing:TMPDIR", "tmpdir:/gone"], gaps.Select(g => g.Kind + ":" + g.Name));
    }

    [Fact]
    public void Read_BadYaml_IsOneLineWithTheFileAndLine()
    {
        using var dir = new TempDir();
        string file = dir.File("env.yaml");
        File.WriteAllText(file, "tools: [git\nenv: {");

        var e = Assert.Throws<CiDoctorException>(() => EnvManifest.Read(file));

        Assert.StartsWith(file + ":", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }
}
