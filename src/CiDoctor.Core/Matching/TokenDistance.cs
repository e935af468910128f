namespace CiDoctor.Core.Matching;

/// <summary>
/// Token-level Levenshtein distance with a bound: only the diagonal band of width
/// <c>2·max+1</c> is computed, so the cost is O(max·n) instead of O(n·m), and the answer is
/// exact whenever it is at most <c>max</c>. Used to call two masked lines "the same line,
/// updated" (log diff) and two failure signatures "the same failure" (clustering).
/// </summary>
public static class TokenDistance
{
    /// <summary>The edit budget for a pair to count as near-identical: <c>floor((1 − similarity) · longer length)</c>.</summary>
    public static int Budget(int lengthA, int lengthB, double similarity) =>
        (int)Math.Floor((1 - similarity) * Math.Max(lengthA, lengthB) + 1e-9);

    /// <summary>The edit distance of <paramref name="a"/> and <paramref name="b"/>, or <c>max + 1</c> when it is larger than <paramref name="max"/>.</summary>
    public static int Bounded(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, int max)
    {
        if (a.Length < b.Length)
        {
            var swap = a;
            a = b;
            b = swap;
        }
        int n = a.Length, m = b.Length;
        if (n - m > max)
        {
            return max + 1;
        }
        if (m == 0)
        {
            return n;
        }
        const int Far = int.MaxValue / 2;
        // row[j] = distance of a[..i] and b[..j]; cells outside the band stay Far.
        int[]? rented = m + 1 > 256 ? System.Buffers.ArrayPool<int>.Shared.Rent(2 * (m + 1)) : null;
        Span<int> both = rented is null ? stackalloc int[2 * (m + 1)] : rented.AsSpan(0, 2 * (m + 1));
        var prev = both[..(m + 1)];
        var row = both[(m + 1)..];
        for (int j = 0; j <= m; j++)
        {
            prev[j] = j <= max ? j : Far;
        }
        try
        {
            for (int i = 1; i <= n; i++)
            {
                int lo = Math.Max(1, i - max), hi = Math.Min(m, i + max);
                row[0] = i <= max ? i : Far;
                if (lo > 1)
                {
                    row[lo - 1] = Far;
                }
                int best = row[0];
                for (int j = lo; j <= hi; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    int d = Math.Min(prev[j - 1] + cost, Math.Min(prev[j] + 1, row[j - 1] + 1));
                    row[j] = d;
                    best = Math.Min(best, d);
                }
                if (hi < m)
                {
                    row[hi + 1] = Far;
                }
                if (best > max)
                {
                    return max + 1;
                }
                var t = prev;
                prev = row;
                row = t;
            }
            return prev[m] <= max ? prev[m] : max + 1;
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<int>.Shared.Return(rented);
            }
        }
    }
}
