using CiDoctor.Core.Matching;

namespace CiDoctor.History.Clustering;

/// <summary>
/// The cluster representatives ("leaders") seen so far, indexed for the nearest-leader query:
/// an inverted index from token q-gram to leaders, and leaders by length. A query looks only at
/// leaders that share one of its rarest q-grams (prefix filtering: a leader that shares the
/// required number of q-grams must share at least one of any <c>grams − required + 1</c> of
/// them), confirms the count filter (<see cref="NGramBound"/>) on each, and computes the exact
/// distance only for those that pass. Lengths for which the filter cannot exclude anything
/// (required ≤ 0: one-token signatures) are scanned whole.
/// </summary>
internal sealed class LeaderIndex(double similarity, int q)
{
    private readonly List<uint[]> _tokens = [];
    private readonly List<ulong[]> _grams = [];
    private readonly Dictionary<ulong, List<int>> _postings = [];
    private readonly Dictionary<int, List<int>> _byLength = [];
    private int[] _seen = new int[64];
    private int _query;

    public int Count => _tokens.Count;

    public int Add(uint[] tokens, ulong[] grams)
    {
        int id = _tokens.Count;
        _tokens.Add(tokens);
        _grams.Add(grams);
        ulong previous = 0;
        for (int i = 0; i < grams.Length; i++)
        {
            if (i > 0 && grams[i] == previous)
            {
                continue;   // sorted: one posting per distinct gram
            }
            previous = grams[i];
            if (!_postings.TryGetValue(grams[i], out var list))
            {
                _postings[grams[i]] = list = [];
            }
            list.Add(id);
        }
        if (!_byLength.TryGetValue(tokens.Length, out var same))
        {
            _byLength[tokens.Length] = same = [];
        }
        same.Add(id);
        return id;
    }

    /// <summary>The leader nearest to <paramref name="tokens"/> within the similarity, the earliest on ties; -1 when none.</summary>
    public int Nearest(uint[] tokens, ulong[] grams)
    {
        if (++_query == int.MaxValue)
        {
            _query = 1;
            Array.Clear(_seen);
        }
        if (_seen.Length < _tokens.Count)
        {
            Array.Resize(ref _seen, Math.Max(_tokens.Count, _seen.Length * 2));
        }
        int best = -1, bestDistance = int.MaxValue;
        int la = tokens.Length;
        // The smallest q-gram count any compatible leader must share, over lengths the filter can exclude.
        int minRequired = int.MaxValue;
        // A longer leader is compatible up to la / similarity tokens (la ≥ lb − (1 − s)·lb).
        int longest = (int)Math.Min(la / Math.Max(similarity, 0.01) + 1, la + 100_000L);
        for (int lb = 0; lb <= longest; lb++)
        {
            int k = TokenDistance.Budget(la, lb, similarity);
            if (Math.Abs(la - lb) > k)
            {
                continue;
            }
            int required = NGramBound.Required(la, lb, k, q);
            if (required <= 0)
            {
                foreach (int id in _byLength.GetValueOrDefault(lb) ?? [])
                {
                    Consider(id, tokens, grams, ref best, ref bestDistance, filter: false);
                }
            }
            else
            {
                minRequired = Math.Min(minRequired, required);
            }
        }
        if (minRequired == int.MaxValue || grams.Length == 0)
        {
            return best;
        }
        // Prefix: the rarest (grams − minRequired + 1) gram occurrences, rarity by posting length.
        var distinct = new List<(ulong Gram, int Copies, int Rarity)>();
        for (int i = 0; i < grams.Length;)
        {
            int j = i;
            while (j < grams.Length && grams[j] == grams[i])
            {
                j++;
            }
            distinct.Add((grams[i], j - i, _postings.TryGetValue(grams[i], out var p) ? p.Count : 0));
            i = j;
        }
        distinct.Sort((x, y) => x.Rarity != y.Rarity ? x.Rarity.CompareTo(y.Rarity) : x.Gram.CompareTo(y.Gram));
        int prefix = grams.Length - minRequired + 1;
        foreach (var (gram, copies, _) in distinct)
        {
            if (prefix <= 0)
            {
                break;
            }
            prefix -= copies;
            if (_postings.TryGetValue(gram, out var list))
            {
                foreach (int id in list)
                {
                    Consider(id, tokens, grams, ref best, ref bestDistance, filter: true);
                }
            }
        }
        return best;
    }

    private void Consider(int id, uint[] tokens, ulong[] grams, ref int best, ref int bestDistance, bool filter)
    {
        if (_seen[id] == _query)
        {
            return;
        }
        _seen[id] = _query;
        var other = _tokens[id];
        int k = TokenDistance.Budget(tokens.Length, other.Length, similarity);
        if (Math.Abs(tokens.Length - other.Length) > k)
        {
            return;
        }
        if (filter && NGramBound.Shared(grams, _grams[id]) < NGramBound.Required(tokens.Length, other.Length, k, q))
        {
            return;
        }
        int limit = Math.Min(k, bestDistance);   // only a strictly nearer leader, or an earlier one at equal distance, wins
        int d = Core.Matching.TokenDistance.Bounded(tokens, other, limit);
        if (d <= limit && (d < bestDistance || (d == bestDistance && id < best)))
        {
            best = id;
            bestDistance = d;
        }
    }
}
