using CiDoctor.Core.Catalog;
using CiDoctor.Core.Catalog.Linting;
using CiDoctor.Core.Matching;

namespace CiDoctor.Core.Tests.Catalog;

/// <summary>The one data-driven test of every built-in mode's examples, schema and id checks.</summary>
public class CatalogExamplesTests
{
    private static readonly FailureCatalog Catalog = CatalogLoader.Load([]);

    public static TheoryData<string> ModeIds()
    {
        var data = new TheoryData<string>();
        foreach (var mode in Catalog.Modes)
        {
            data.Add(mode.Id);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ModeIds))]
    public void Examples_EveryMode_MatchAndNoMatchAsDeclared(string id)
    {
        var mode = Catalog.Find(id)!;
        Assert.NotEmpty(mode.ExamplesMatch);
        Assert.NotEmpty(mode.ExamplesNoMatch);
        var compiled = new CompiledCatalog(FailureCatalog.Of([mode]), "plain");
        foreach (string line in mode.ExamplesMatch)
        {
            Assert.True(CatalogLinter.Matches(compiled, id, line), $"{id}: example should match: {line}");
        }
        foreach (string line in mode.ExamplesNoMatch)
        {
            Assert.False(CatalogLinter.Matches(compiled, id, line), $"{id}: noMatch example matches: {line}");
        }
    }

    [Fact]
    public void Lint_BuiltInCatalog_HasNoProblems()
    {
        var problems = CatalogLinter.Lint(null);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void BuiltInCatalog_Size_AtLeastSixtyDistinctModes()
    {
        Assert.True(Catalog.Modes.Count >= 60, $"only {Catalog.Modes.Count} modes");
        Assert.Equal(Catalog.Modes.Count, Catalog.Modes.Select(m => m.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("resource.disk-full", "disk-full", "environment")]
    [InlineData("resource.tmpdir-missing", "tmpdir", "environment")]
    [InlineData("etcd.quorum-loss", "cluster-formation", "environment")]
    [InlineData("k3s.stale-bootstrap-token", "stale-state", "code")]
    [InlineData("vm.qemu-smp-oversubscription", "vm-virtualization", "benign")]
    [InlineData("runner.exec-format-error", "artifact-collision", "environment")]
    [InlineData("auth.imds-unreachable", "auth", "config")]
    [InlineData("cache.private-401", "auth", "benign")]
    [InlineData("resource.oom-killed", "oom", "environment")]
    [InlineData("runner.command-not-found", "missing-tool", "environment")]
    [InlineData("git.lfs-missing", "missing-tool", "environment")]
    [InlineData("nix.dependency-failed", "nix-build", null)]
    [InlineData("nix.flake-show-placeholder", "test-failure", "code")]
    public void SeedModes_Present_WithKindAndOrigin(string id, string kind, string? origin)
    {
        var mode = Catalog.Find(id);
        Assert.NotNull(mode);
        Assert.Equal(kind, mode.Kind);
        if (origin is not null)
        {
            Assert.Equal(origin, Core.Model.Names.Of(mode.Origin));
        }
    }
}
