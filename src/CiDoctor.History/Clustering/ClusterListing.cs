namespace CiDoctor.History.Clustering;

/// <summary>What <c>history clusters</c> shows: the clusters asked for, out of all of a store's.</summary>
/// <param name="All">Every cluster (the text's first line counts them, so a filtered listing reads as a part of the whole).</param>
/// <param name="Shown">The clusters listed (all, or only candidates).</param>
/// <param name="History">What was clustered: failed jobs, and those without a cause line.</param>
/// <param name="Where">The store, as its users name it (a path, a database URL without its password).</param>
/// <param name="WithDrafts">Each candidate's draft mode is printed under it (<c>--candidates</c>).</param>
public sealed record ClusterListing(ClusterReport All, ClusterReport Shown, HistoryClusters History, string Where, bool WithDrafts);
