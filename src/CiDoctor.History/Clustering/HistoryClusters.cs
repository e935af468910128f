using CiDoctor.Core.Model;
using CiDoctor.History.Records;

namespace CiDoctor.History.Clustering;

/// <summary>
/// The failure clusters of a run history (<c>cidoctor history clusters</c>, <c>catalog suggest</c>):
/// the first cause line of every stored failed job, clustered with the run's time and the job's name.
/// <code>
/// var h = HistoryClusters.Of(store, new FailureFilter(Branch: "main"));
/// var report = ClusterReport.Build(h.Clusters, catalog);
/// </code>
/// </summary>
/// <param name="Clusters">Most frequent first (<see cref="FailureClusterer.Clusters"/>).</param>
/// <param name="Failures">Failed jobs clustered.</param>
/// <param name="WithoutText">Failed jobs left out: their diagnosis kept no cause line to cluster.</param>
public sealed record HistoryClusters(IReadOnlyList<FailureCluster> Clusters, long Failures, long WithoutText)
{
    /// <summary>Streams the store's failures into a clusterer; memory grows with distinct signatures, not failures.</summary>
    public static HistoryClusters Of(IRunStore store, FailureFilter filter, ClusteringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var clusterer = new FailureClusterer(options);
        long without = 0;
        // Ids are stable because the clusterer's result (ids, excerpts) depends only on the texts
        // and their times, not on the order they arrive in; the store's order (run time, then
        // job) is deterministic anyway. Times are the run's: one run's jobs fail together.
        foreach (var f in store.Failures(filter))
        {
            if (string.IsNullOrWhiteSpace(f.FirstCauseLine))
            {
                without++;
                continue;
            }
            clusterer.Add(f.FirstCauseLine, new FailureMetadata(IsoTime.Parse(f.OrderedAt), JobName(f)));
        }
        return new HistoryClusters(clusterer.Clusters, clusterer.Count, without);
    }

    // "workflow / job" as the store keys jobs; the workflow is empty for a bare log.
    private static string JobName(StoredFailure f) => f.Workflow.Length == 0 ? f.Job : $"{f.Workflow} / {f.Job}";
}
