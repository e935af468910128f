namespace CiDoctor.History.Clustering;

/// <summary>
/// A group of near-identical failures. <see cref="Id"/> is derived from <see cref="Signature"/>
/// (the representative's normalised text), so it is the same in every process and every
/// re-clustering of the same history (<see cref="FailureClusterer"/> says when it can change).
/// </summary>
/// <param name="Id">"c" and 12 hex digits of the representative signature's 64-bit hash.</param>
/// <param name="Signature">The representative signature (masked, normalised).</param>
/// <param name="Excerpt">A real text of the representative, secrets masked: the earliest seen.</param>
/// <param name="Count">Texts added that fell into this cluster.</param>
/// <param name="FirstSeen">Earliest <see cref="FailureMetadata.SeenAt"/>; null when no text had one.</param>
/// <param name="LastSeen">Latest <see cref="FailureMetadata.SeenAt"/>.</param>
/// <param name="Jobs">Distinct job names, sorted.</param>
/// <param name="Signatures">Every member signature, the representative first, then by count.</param>
public sealed record FailureCluster(
    string Id,
    string Signature,
    string Excerpt,
    long Count,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    IReadOnlyList<string> Jobs,
    IReadOnlyList<string> Signatures);
