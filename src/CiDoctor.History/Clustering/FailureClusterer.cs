using System.Globalization;
using CiDoctor.Core.Secrets;

namespace CiDoctor.History.Clustering;

/// <summary>
/// Groups failure texts into clusters of near-identical failures, in memory.
/// <code>
/// var clusterer = new FailureClusterer();
/// foreach (var f in failures) clusterer.Add(f.Text, new FailureMetadata(f.StartedAt, f.Job));
/// foreach (var c in clusterer.Clusters) Console.WriteLine($"{c.Id} ×{c.Count} {c.Excerpt}");
/// </code>
/// <para><b>How.</b> <see cref="Add"/> normalises a text into its signature
/// (<see cref="FailureSignature"/>) and counts it under that signature: texts that differ only in
/// times, numbers, ids, hashes, paths or IPs cost one dictionary update. <see cref="Clusters"/>
/// then groups the distinct signatures by leader clustering: in the order of (first seen, then
/// signature text), each signature joins the nearest earlier leader within
/// <see cref="ClusteringOptions.Similarity"/> (token edit distance, candidates pruned by the
/// q-gram lower bound of <see cref="LeaderIndex"/>; ties go to the earliest leader), or becomes a
/// leader itself.</para>
/// <para><b>Ids.</b> A cluster's id is the hash of its leader's signature. The result depends only
/// on the set of signatures and their first-seen times, never on the order of <see cref="Add"/>
/// calls, so re-clustering the same history gives the same ids. As history grows forward in time,
/// new signatures sort after every existing leader: they join a cluster or start a new one, and
/// no existing leader, member or id changes; clusters never merge behind the user's back. Only
/// backfilling failures older than a leader (or texts without times, which sort last by text) can
/// elect a different leader and so change an id.</para>
/// </summary>
public sealed class FailureClusterer(ClusteringOptions? options = null)
{
    private readonly ClusteringOptions _options = options ?? new ClusteringOptions();
    private readonly Dictionary<string, SignatureStats> _signatures = new(StringComparer.Ordinal);
    private IReadOnlyList<FailureCluster>? _clusters;

    /// <summary>Texts added so far.</summary>
    public long Count { get; private set; }

    /// <summary>Distinct signatures so far.</summary>
    public int SignatureCount => _signatures.Count;

    /// <summary>Adds one failure text (a cause line or a short excerpt); blank texts are ignored.</summary>
    public void Add(string text, FailureMetadata? metadata = null)
    {
        // Secrets go first, so neither a signature nor an excerpt can carry one.
        text = SecretMasker.MaskText(text);
        string signature = FailureSignature.Of(text, _options.MaxSignatureChars);
        if (signature.Length == 0)
        {
            return;
        }
        if (!_signatures.TryGetValue(signature, out var stats))
        {
            _signatures[signature] = stats = new SignatureStats(signature);
        }
        stats.Add(text, metadata, _options.MaxJobs, _options.MaxExcerptChars);
        Count++;
        _clusters = null;
    }

    /// <summary>The clusters, most frequent first (then by id); computed on first use after an <see cref="Add"/>.</summary>
    public IReadOnlyList<FailureCluster> Clusters => _clusters ??= Build();

    /// <summary>The id a cluster with this representative signature has: "c" and 12 hex digits of its FNV-1a hash.</summary>
    public static string IdOf(string signature)
    {
        ulong h = 14695981039346656037;
        foreach (char c in signature)
        {
            h = (h ^ c) * 1099511628211;
        }
        return "c" + (h >> 16).ToString("x12", CultureInfo.InvariantCulture);
    }

    private List<FailureCluster> Build()
    {
        var order = _signatures.Values
            .OrderBy(s => s.FirstSeen ?? DateTimeOffset.MaxValue)
            .ThenBy(s => s.Signature, StringComparer.Ordinal)
            .ToList();
        var index = new LeaderIndex(_options.Similarity, _options.Q);
        var leaders = new List<SignatureStats>();
        var members = new List<List<SignatureStats>>();
        foreach (var stats in order)
        {
            var tokens = FailureSignature.Tokens(stats.Signature, _options.MaxTokens);
            var grams = NGramBound.Grams(tokens, _options.Q);
            int leader = index.Nearest(tokens, grams);
            if (leader < 0)
            {
                leader = index.Add(tokens, grams);
                leaders.Add(stats);
                members.Add([]);
            }
            members[leader].Add(stats);
        }
        return leaders
            .Select((lead, i) => Cluster(lead, members[i]))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static FailureCluster Cluster(SignatureStats leader, List<SignatureStats> members)
    {
        var times = members.Where(m => m.FirstSeen is not null).ToList();
        return new FailureCluster(
            IdOf(leader.Signature),
            leader.Signature,
            leader.Excerpt,
            members.Sum(m => m.Count),
            times.Count == 0 ? null : times.Min(m => m.FirstSeen),
            times.Count == 0 ? null : times.Max(m => m.LastSeen),
            members.SelectMany(m => m.Jobs).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            members.OrderBy(m => m == leader ? 0 : 1).ThenByDescending(m => m.Count).ThenBy(m => m.Signature, StringComparer.Ordinal).Select(m => m.Signature).ToList());
    }
}
