using System.Text.Json;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Matching;
using CiDoctor.Core.Model;
using CiDoctor.Core.Text;

namespace CiDoctor.History.Clustering;

/// <summary>One cluster with the catalog modes that explain its excerpt, and a draft mode when none does.</summary>
public sealed record ClusterEntry(FailureCluster Cluster, IReadOnlyList<string> Modes, CatalogDraft? Draft)
{
    /// <summary>True when no catalog mode matches the cluster's excerpt: a candidate for a new mode.</summary>
    public bool IsCandidate => Modes.Count == 0;
}

/// <summary>
/// Clusters checked against a catalog (<c>cidoctor history clusters</c>, <c>cidoctor catalog
/// suggest</c>): each cluster's excerpt is scanned with every mode (whatever its <c>ci</c>); a
/// cluster that no mode matches gets a <see cref="CatalogDraft"/>.
/// <code>
/// var report = ClusterReport.Build(clusterer.Clusters, CatalogLoader.Load(catalogDirs));
/// report.WriteJson(Console.Out);
/// foreach (var e in report.Candidates) File.WriteAllText(e.Draft!.Path, e.Draft.Yaml);
/// </code>
/// </summary>
public sealed class ClusterReport
{
    private ClusterReport(IReadOnlyList<ClusterEntry> entries) => Entries = entries;

    /// <summary>Every cluster, in the clusterer's order (most frequent first).</summary>
    public IReadOnlyList<ClusterEntry> Entries { get; }

    /// <summary>Clusters no mode explains, that have a draft.</summary>
    public IEnumerable<ClusterEntry> Candidates => Entries.Where(e => e.IsCandidate && e.Draft is not null);

    /// <summary>The same report with only the entries <paramref name="keep"/> accepts (e.g. candidates), in the same order.</summary>
    public ClusterReport Where(Func<ClusterEntry, bool> keep) => new([.. Entries.Where(keep)]);

    public static ClusterReport Build(IReadOnlyList<FailureCluster> clusters, FailureCatalog catalog)
    {
        // "plain" compiles every mode whatever its ci list: a cluster mixes jobs of any CI system.
        var compiled = new CompiledCatalog(catalog, "plain");
        var entries = new List<ClusterEntry>(clusters.Count);
        var excerpts = clusters.Select(c => c.Excerpt).ToList();
        foreach (var cluster in clusters)
        {
            var lines = cluster.Excerpt.Split('\n').Select((text, i) => new LogLine(i + 1, text.TrimEnd('\r'), -1)).ToList();
            var modes = new Scanner(compiled).Scan(lines).Findings.Keys.Order(StringComparer.Ordinal).ToList();
            var draft = modes.Count == 0 ? CatalogDraft.For(cluster, excerpts.Where(e => !ReferenceEquals(e, cluster.Excerpt))) : null;
            entries.Add(new ClusterEntry(cluster, modes, draft));
        }
        return new ClusterReport(entries);
    }

    /// <summary>
    /// <code>{ "clusters": [ { "id": "c…", "count": 12, "firstSeen": "…", "lastSeen": "…", "jobs": ["…"],
    ///   "excerpt": "…", "signature": "…", "signatures": 3, "modes": [], "candidate": true, "draft": { "id": "draft.…", "path": "draft/….yaml", "yaml": "…" } } ] }</code>
    /// </summary>
    public void WriteJson(TextWriter output) => JsonOutput.Write(output, w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("clusters");
        foreach (var e in Entries)
        {
            var c = e.Cluster;
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteNumber("count", c.Count);
            Time(w, "firstSeen", c.FirstSeen);
            Time(w, "lastSeen", c.LastSeen);
            JsonOutput.WriteStrings(w, "jobs", c.Jobs);
            w.WriteString("excerpt", c.Excerpt);
            w.WriteString("signature", c.Signature);
            w.WriteNumber("signatures", c.Signatures.Count);
            JsonOutput.WriteStrings(w, "modes", e.Modes);
            w.WriteBoolean("candidate", e.IsCandidate);
            if (e.Draft is null)
            {
                w.WriteNull("draft");
            }
            else
            {
                w.WriteStartObject("draft");
                w.WriteString("id", e.Draft.Id);
                w.WriteString("path", e.Draft.Path);
                w.WriteString("yaml", e.Draft.Yaml);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void Time(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, IsoTime.Format(value.Value));
        }
    }
}
