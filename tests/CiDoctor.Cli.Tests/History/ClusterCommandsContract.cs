using System.Text.Json;
using CiDoctor.History.Testing;
using CiDoctor.Testing;

namespace CiDoctor.Cli.Tests.History;

/// <summary>
/// <c>history clusters</c> and <c>catalog suggest</c> end to end (in-process CLI) against each
/// store, on the history of <see cref="ClusterHistory"/>.
/// </summary>
public abstract class ClusterCommandsContract : IDisposable
{
    private readonly TempDir _dir = new();
    private StoreTarget? _target;

    /// <summary>A new empty database of the kind under test.</summary>
    protected abstract StoreTarget CreateTarget();

    private StoreTarget Target => _target ??= CreateTarget();

    [StoreFact]
    public void Issue6_HistoryClusters_SameErrorWithOtherNumbersPathsAndTimes_IsOneCluster_IdsStable()
    {
        Record(ClusterHistory.Write(_dir));

        var first = Clusters();
        var again = Clusters();
        Record([ClusterHistory.Unrelated(_dir)]);
        var after = Clusters();

        Assert.Equal([2L, 1L], first.Select(c => c.Count));
        var flux = first[0];
        Assert.Equal(("2026-04-01T09:00:00Z", "2026-04-02T09:00:00Z"), (flux.FirstSeen, flux.LastSeen));
        Assert.Equal(["ci / deploy"], flux.Jobs);
        Assert.Contains("quantum flux capacitor misaligned on rack 12", flux.Excerpt, StringComparison.Ordinal);
        Assert.Equal((true, 0), (flux.Candidate, flux.Modes.Count));
        Assert.Contains("resource.disk-full", first[1].Modes);
        Assert.False(first[1].Candidate);
        Assert.Equal(first.Select(c => c.Id), again.Select(c => c.Id));
        Assert.Equal(3, after.Count);
        Assert.Equal(first.Select(c => (c.Id, c.Count)), after.Where(c => first.Any(f => f.Id == c.Id)).Select(c => (c.Id, c.Count)));
    }

    [StoreFact]
    public void Issue6_HistoryClusters_CandidatesAndFilters()
    {
        Record(ClusterHistory.Write(_dir));

        var candidates = Clusters("--candidates");
        var since = Clusters("--since", "2026-04-02");
        var otherBranch = Clusters("--branch", "feature");
        var text = CliRunner.Run("history", "clusters", "--db", Target.Spec);

        Assert.True(Assert.Single(candidates).Candidate);
        Assert.Equal([1L, 1L], since.Select(c => c.Count));
        Assert.Empty(otherBranch);
        Assert.Equal(0, text.ExitCode);
        Assert.StartsWith("2 cluster(s) of 3 failed job(s) in ", text.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{candidates[0].Id}  ×2  2026-04-01T09:00:00Z … 2026-04-02T09:00:00Z  no mode (candidate: draft.", text.Stdout, StringComparison.Ordinal);
    }

    [StoreFact]
    public void Issue6_CatalogSuggest_DraftLintsClean_MatchesTheText_AndIsNeverOverwritten()
    {
        Record(ClusterHistory.Write(_dir));
        string drafts = _dir.File("drafts");

        var printed = CliRunner.Run("catalog", "suggest", "--db", Target.Spec);
        var written = CliRunner.Run("catalog", "suggest", "--db", Target.Spec, "--out", drafts);
        var lint = CliRunner.Run("catalog", "lint", drafts);
        var explained = Clusters("--catalog", drafts);

        Assert.True(written.ExitCode == 0, written.Stderr);
        string file = Assert.Single(Directory.GetFiles(drafts, "*.yaml", SearchOption.AllDirectories));
        Assert.Equal("draft", Path.GetFileName(Path.GetDirectoryName(file)));
        string yaml = File.ReadAllText(file);
        Assert.Equal($"# draft/{Path.GetFileName(file)}\n{yaml}", printed.Stdout);
        Assert.True(lint.ExitCode == 0, lint.Stdout);
        // With the draft in the catalog, the cluster it was drafted from is explained by it.
        string id = yaml.Split('\n').Single(l => l.StartsWith("id: ", StringComparison.Ordinal))[4..];
        Assert.Equal([id], explained[0].Modes);
        Assert.Equal(ClusterHistory.FluxError, Assert.Single(explained, c => c.Modes.Contains(id)).Excerpt);

        File.WriteAllText(file, "# my edits\n" + yaml);
        var again = CliRunner.Run("catalog", "suggest", "--db", Target.Spec, "--out", drafts);

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already exists", Assert.Single(again.StderrLines), StringComparison.Ordinal);
        Assert.Equal("# my edits\n" + yaml, File.ReadAllText(file));
        Assert.Single(Directory.GetFiles(drafts, "*", SearchOption.AllDirectories));
    }

    private void Record(IEnumerable<string> runs)
    {
        foreach (string run in runs)
        {
            var add = CliRunner.Run("history", "add", run, "--db", Target.Spec);
            Assert.True(add.ExitCode == 0, add.Stderr);
        }
    }

    private List<Cluster> Clusters(params string[] more)
    {
        var result = CliRunner.Run(["history", "clusters", "--format", "json", "--db", Target.Spec, .. more]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        return JsonSerializer.Deserialize<List<Cluster>>(doc.RootElement.GetProperty("clusters").GetRawText(), Web)!;
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private sealed record Cluster(string Id, long Count, string? FirstSeen, string? LastSeen, List<string> Jobs, string Excerpt, List<string> Modes, bool Candidate);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        _target?.Dispose();
        _dir.Dispose();
    }
}
