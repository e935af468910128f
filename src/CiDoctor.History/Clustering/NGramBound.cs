namespace CiDoctor.History.Clustering;

/// <summary>
/// The q-gram count filter, a cheap lower bound on the token edit distance: when two token
/// sequences of lengths m and n are within edit distance k, they share at least
/// <c>max(m, n) − q + 1 − k·q</c> of their q-grams (counted with multiplicity), because each edit
/// touches at most q of the longer sequence's <c>length − q + 1</c> q-grams (Ukkonen 1992). A pair
/// sharing fewer cannot be within k, so the exact distance is computed only for pairs that pass.
/// </summary>
public static class NGramBound
{
    /// <summary>Shared q-grams a pair of these lengths needs to be within <paramref name="k"/> edits (≤ 0: the filter cannot exclude it).</summary>
    public static int Required(int lengthA, int lengthB, int k, int q) => Math.Max(lengthA, lengthB) - q + 1 - k * q;

    /// <summary>The q-grams of a token sequence as 64-bit values (two 32-bit tokens for q = 2), sorted.</summary>
    public static ulong[] Grams(ReadOnlySpan<uint> tokens, int q)
    {
        if (tokens.Length < q)
        {
            return [];
        }
        var grams = new ulong[tokens.Length - q + 1];
        for (int i = 0; i < grams.Length; i++)
        {
            if (q == 2)
            {
                grams[i] = (ulong)tokens[i] << 32 | tokens[i + 1];
                continue;
            }
            ulong g = 14695981039346656037;
            for (int j = 0; j < q; j++)
            {
                g = (g ^ tokens[i + j]) * 1099511628211;
            }
            grams[i] = g;
        }
        Array.Sort(grams);
        return grams;
    }

    /// <summary>The size of the multiset intersection of two sorted gram arrays.</summary>
    public static int Shared(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return shared;
    }

    /// <summary>False only when the pair is certainly more than <paramref name="k"/> edits apart.</summary>
    public static bool MayBeWithin(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, int k, int q) =>
        Math.Abs(a.Length - b.Length) <= k && Shared(Grams(a, q), Grams(b, q)) >= Required(a.Length, b.Length, k, q);
}
