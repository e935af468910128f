using CiDoctor.Core;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Model;
using CiDoctor.History;
using CiDoctor.History.Clustering;
using CiDoctor.History.Records;

namespace CiDoctor.Cli.Commands;

/// <summary>What <c>history clusters</c> and <c>catalog suggest</c> share: read the store's failures, cluster them, check them against the catalog.</summary>
internal static class ClusterSource
{
    /// <summary>The clusters of the store <paramref name="db"/> names, checked against the built-in catalog plus <paramref name="catalogDirs"/>.</summary>
    public static (ClusterReport Report, HistoryClusters History, string Where) Load(string? db, string? branch, string? since, IReadOnlyList<string> catalogDirs)
    {
        // The catalog first: a bad --catalog is reported before the database is touched.
        var catalog = CatalogLoader.Load([.. catalogDirs]);
        var filter = new FailureFilter(branch, Since: ParseSince(since));
        using var store = RunStores.OpenReadOnly(RunStores.Chosen(db) ?? RunStores.DefaultPath());
        var history = HistoryClusters.Of(store, filter);
        return (ClusterReport.Build(history.Clusters, catalog), history, store.Where);
    }

    /// <summary><c>2026-03-01</c> (midnight UTC) or an ISO 8601 time; null when absent.</summary>
    public static DateTimeOffset? ParseSince(string? since)
    {
        if (since is null)
        {
            return null;
        }
        return IsoTime.Parse(since) ?? throw new CiDoctorException($"--since {since}: not a date; use YYYY-MM-DD or an ISO 8601 time such as 2026-03-01T12:00:00Z");
    }
}
