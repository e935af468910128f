namespace CiDoctor.Core.Diff;

/// <summary>
/// Aligns two sequences of line hashes (a longest-common-subsequence approximation): equal
/// prefix and suffix first, then patience anchors (lines that occur exactly once on each side,
/// kept in increasing order on both), recursing between anchors; a range with no anchor is
/// aligned by an exact LCS table when it is small and left unaligned when it is not (moved-line
/// pairing downstream still recognises its equal lines). Memory is a few ints per line; the
/// table is capped by <see cref="LogDiffOptions.MaxTableCells"/>.
/// </summary>
internal static class LineAligner
{
    /// <summary>For each index of <paramref name="fail"/>, the index of the <paramref name="pass"/> line it is aligned with, or -1.</summary>
    public static int[] Align(ulong[] pass, ulong[] fail, long maxTableCells)
    {
        // Patience recursion is near-linear on logs (long equal runs), but quadratic when many
        // anchors each split off one line (a reversed log): past this much work the remaining
        // ranges stay unaligned, which only changes which copies of a repeated line count as moved.
        long budget = 8L * (pass.Length + fail.Length) + 1_000_000;
        var partner = new int[fail.Length];
        Array.Fill(partner, -1);
        var ranges = new Stack<(int A0, int A1, int B0, int B1)>();
        ranges.Push((0, pass.Length, 0, fail.Length));
        while (ranges.Count > 0)
        {
            var (a0, a1, b0, b1) = ranges.Pop();
            while (a0 < a1 && b0 < b1 && pass[a0] == fail[b0])
            {
                partner[b0++] = a0++;
            }
            while (a0 < a1 && b0 < b1 && pass[a1 - 1] == fail[b1 - 1])
            {
                partner[--b1] = --a1;
            }
            if (a0 == a1 || b0 == b1)
            {
                continue;
            }
            budget -= (a1 - a0) + (b1 - b0);
            if (budget < 0)
            {
                continue;
            }
            var anchors = Anchors(pass, fail, a0, a1, b0, b1);
            if (anchors.Count > 0)
            {
                int pa = a0, pb = b0;
                foreach (var (a, b) in anchors)
                {
                    partner[b] = a;
                    ranges.Push((pa, a, pb, b));
                    pa = a + 1;
                    pb = b + 1;
                }
                ranges.Push((pa, a1, pb, b1));
            }
            else if ((long)(a1 - a0) * (b1 - b0) <= maxTableCells)
            {
                AlignByTable(pass, fail, a0, a1, b0, b1, partner);
            }
        }
        return partner;
    }

    // Lines unique on both sides of the range, as (pass index, fail index) pairs in fail order,
    // reduced to the longest run increasing in pass order (patience sorting, O(k log k)).
    private static List<(int A, int B)> Anchors(ulong[] pass, ulong[] fail, int a0, int a1, int b0, int b1)
    {
        var seen = new Dictionary<ulong, (int CountA, int A, int CountB, int B)>();
        for (int a = a0; a < a1; a++)
        {
            seen[pass[a]] = seen.TryGetValue(pass[a], out var s) ? s with { CountA = s.CountA + 1 } : (1, a, 0, -1);
        }
        for (int b = b0; b < b1; b++)
        {
            if (seen.TryGetValue(fail[b], out var s))
            {
                seen[fail[b]] = s with { CountB = s.CountB + 1, B = b };
            }
        }
        var pairs = new List<(int A, int B)>();
        foreach (var s in seen.Values)
        {
            if (s.CountA == 1 && s.CountB == 1)
            {
                pairs.Add((s.A, s.B));
            }
        }
        pairs.Sort((x, y) => x.B.CompareTo(y.B));
        return LongestIncreasing(pairs);
    }

    private static List<(int A, int B)> LongestIncreasing(List<(int A, int B)> pairs)
    {
        var tails = new List<int>();          // index into pairs of the smallest tail of each length
        var back = new int[pairs.Count];
        for (int i = 0; i < pairs.Count; i++)
        {
            int lo = 0, hi = tails.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                if (pairs[tails[mid]].A < pairs[i].A)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }
            back[i] = lo > 0 ? tails[lo - 1] : -1;
            if (lo == tails.Count)
            {
                tails.Add(i);
            }
            else
            {
                tails[lo] = i;
            }
        }
        var result = new List<(int A, int B)>(tails.Count);
        for (int i = tails.Count > 0 ? tails[^1] : -1; i >= 0; i = back[i])
        {
            result.Add(pairs[i]);
        }
        result.Reverse();
        return result;
    }

    // The classic LCS table over a small range, walked back to mark aligned pairs.
    private static void AlignByTable(ulong[] pass, ulong[] fail, int a0, int a1, int b0, int b1, int[] partner)
    {
        int n = a1 - a0, m = b1 - b0;
        var table = new int[(n + 1) * (m + 1)];
        for (int i = n - 1; i >= 0; i--)
        {
            for (int j = m - 1; j >= 0; j--)
            {
                table[i * (m + 1) + j] = pass[a0 + i] == fail[b0 + j]
                    ? table[(i + 1) * (m + 1) + j + 1] + 1
                    : Math.Max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1]);
            }
        }
        int x = 0, y = 0;
        while (x < n && y < m)
        {
            if (pass[a0 + x] == fail[b0 + y])
            {
                partner[b0 + y] = a0 + x;
                x++;
                y++;
            }
            else if (table[(x + 1) * (m + 1) + y] >= table[x * (m + 1) + y + 1])
            {
                x++;
            }
            else
            {
                y++;
            }
        }
    }
}
