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
    [Fact]
    public void ToYaml_QuotesOnlyWhereYamlNeedsIt_AndReadsBackTheSameNames()
    {
        var manifest = new EnvManifest { Tools = ["git", "a: b", "true", "#x", "-", "naïve", "x\"y", "'q'", "1.5"], Env = [], WritableTmp = false };
        using var dir = new TempDir();

        string yaml = manifest.ToYaml();
        var back = EnvManifest.Read(dir.Write("env.yaml", yaml));

        Assert.Equal("""
            # cidoctor env manifest: what every path that runs the job needs (tools on PATH, variables set).
            tools:
            - git
            - 'a: b'
            - true
            - '#x'
            - '-'
            - naïve
            - x"y
            - "'q'"
            - 1.5
            env: []
            writableTmp: false

            """, yaml);
        Assert.Equal(manifest.Tools, back.Tools);
        Assert.Empty(back.Env);
        Assert.False(back.WritableTmp);
    }

    [Theory]
    [InlineData("tool: [git]\n", ":1: not a valid manifest", "unknown key 'tool'")]
    [InlineData("env: [TMPDIR]\ntools: git\n", ":2: not a valid manifest", "tools is a list")]
    [InlineData("writableTmp: maybe\n", ":1: not a valid manifest", "true or false")]
    [InlineData("- git\n", ":1: not a valid manifest", "a mapping")]
    public void Read_WrongShape_IsOneLineWithTheFileLineAndWhatIsExpected(string yaml, string where, string says)
    {
        using var dir = new TempDir();
        string file = dir.Write("env.yaml", yaml);

        var e = Assert.Throws<CiDoctorException>(() => EnvManifest.Read(file));

        Assert.StartsWith(file + where, e.Message, StringComparison.Ordinal);
        Assert.Contains(says, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Read_EmptyOrNullLists_AreEmpty_AndWritableTmpDefaultsToTrue()
    {
        using var dir = new TempDir();

        var empty = EnvManifest.Read(dir.Write("empty.yaml", "# nothing declared\n"));
        var nulls = EnvManifest.Read(dir.Write("nulls.yaml", "tools:\nenv: ~\n"));

        Assert.Equal((0, 0, true), (empty.Tools.Count, empty.Env.Count, empty.WritableTmp));
        Assert.Equal((0, 0, true), (nulls.Tools.Count, nulls.Env.Count, nulls.WritableTmp));
    }
}
