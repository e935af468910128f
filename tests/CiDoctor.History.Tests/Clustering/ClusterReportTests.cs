using System.Text.Json;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Catalog.Linting;
using CiDoctor.History.Clustering;
using CiDoctor.Testing;

namespace CiDoctor.History.Tests.Clustering;

/// <summary>Clusters checked against the catalog; unexplained ones get a draft mode that lints clean.</summary>
public class ClusterReportTests
{
    private static readonly FailureCatalog Catalog = CatalogLoader.Load([]);

    private static ClusterReport Report(params string[] texts)
    {
        var clusterer = new FailureClusterer();
        var at = new DateTimeOffset(2025, 10, 1, 0, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < texts.Length; i++)
        {
            clusterer.Add(texts[i], new FailureMetadata(at.AddHours(i), "build (linux)"));
        }
        return ClusterReport.Build(clusterer.Clusters, Catalog);
    }

    [Fact]
    public void Build_ClusterAModeExplains_NotACandidate()
    {
        var report = Report("error: failed to build archive at `/tmp/x/lib.rlib`: No space left on device (os error 28)");
        var entry = Assert.Single(report.Entries);
        Assert.NotEmpty(entry.Modes);
        Assert.False(entry.IsCandidate);
        Assert.Null(entry.Draft);
    }

    [Fact]
    public void Build_UnexplainedCluster_DraftThatCatalogLintAccepts()
    {
        var report = Report(
            "frobnicator: quantum flux capacitor misaligned on rack 12 (retry 3 of 5)",
            "frobnicator: quantum flux capacitor misaligned on rack 7 (retry 1 of 5)",
            "widget-gen: template 'invoice' produced no output");
        Assert.Equal(2, report.Entries.Count);
        var draft = report.Entries[0].Draft;
        Assert.NotNull(draft);
        Assert.StartsWith("draft.", draft.Id, StringComparison.Ordinal);
        Assert.Contains("quantum flux capacitor misaligned on rack", draft.Yaml, StringComparison.Ordinal);

        using var dir = new TempDir();
        foreach (var e in report.Candidates)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(dir.File(e.Draft!.Path))!);
            File.WriteAllText(dir.File(e.Draft.Path), e.Draft.Yaml);
        }
        var problems = CatalogLinter.Lint(dir.Path);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => p.ToString())) + "\n" + draft.Yaml);
        // Loaded with the built-in catalog, the draft now explains its cluster's excerpt.
        var extended = CatalogLoader.Load([dir.Path]);
        var again = ClusterReport.Build([report.Entries[0].Cluster], extended);
        Assert.Contains(draft.Id, Assert.Single(again.Entries).Modes);
    }

    [Fact]
    public void WriteJson_ClusterFieldsAndDraft()
    {
        var report = Report("frobnicator: quantum flux capacitor misaligned on rack 12", "frobnicator: quantum flux capacitor misaligned on rack 13");
        var text = new StringWriter();
        report.WriteJson(text);
        using var doc = JsonDocument.Parse(text.ToString());
        var c = Assert.Single(doc.RootElement.GetProperty("clusters").EnumerateArray());
        Assert.Equal(2, c.GetProperty("count").GetInt64());
        Assert.Equal("2025-10-01T00:00:00Z", c.GetProperty("firstSeen").GetString());
        Assert.Equal("2025-10-01T01:00:00Z", c.GetProperty("lastSeen").GetString());
        Assert.Equal("build (linux)", Assert.Single(c.GetProperty("jobs").EnumerateArray()).GetString());
        Assert.True(c.GetProperty("candidate").GetBoolean());
        Assert.Empty(c.GetProperty("modes").EnumerateArray());
        Assert.StartsWith("draft/", c.GetProperty("draft").GetProperty("path").GetString(), StringComparison.Ordinal);
    }
}
