using CiDoctor.Core.Diff;

namespace CiDoctor.Core.Tests.Diff;

/// <summary>
/// The alignment pairs only equal lines, in increasing order on both sides; a log with lines
/// inserted and deleted keeps every surviving line aligned.
/// </summary>
public class LineAlignerTests
{
    [Fact]
    public void Align_RandomSequences_PairsEqualLinesInOrder()
    {
        var random = new Random(7);
        for (int round = 0; round < 300; round++)
        {
            var pass = Enumerable.Range(0, random.Next(0, 40)).Select(_ => (ulong)random.Next(1, 8)).ToArray();
            var fail = Enumerable.Range(0, random.Next(0, 40)).Select(_ => (ulong)random.Next(1, 8)).ToArray();
            int[] partner = LineAligner.Align(pass, fail, maxTableCells: 1 << 20);
            int last = -1, pairs = 0;
            for (int b = 0; b < fail.Length; b++)
            {
                if (partner[b] < 0)
                {
                    continue;
                }
                Assert.Equal(pass[partner[b]], fail[b]);
                Assert.True(partner[b] > last, "pairs cross");
                last = partner[b];
                pairs++;
            }
            // Patience anchors trade optimality for speed: never more than the LCS.
            Assert.InRange(pairs, 0, Lcs(pass, fail));
        }
    }

    [Fact]
    public void Align_LinesInsertedAndDeleted_EveryKeptLineAligned()
    {
        var random = new Random(3);
        for (int round = 0; round < 100; round++)
        {
            // A log with repeated lines (values 1-9); the fail log drops some and inserts new ones (100+).
            var pass = Enumerable.Range(0, random.Next(1, 200)).Select(_ => (ulong)random.Next(1, 10)).ToArray();
            var fail = new List<ulong>();
            int kept = 0;
            foreach (ulong line in pass)
            {
                if (random.Next(10) == 0)
                {
                    fail.Add((ulong)random.Next(100, 110));
                }
                if (random.Next(10) != 0)
                {
                    fail.Add(line);
                    kept++;
                }
            }
            int[] partner = LineAligner.Align(pass, [.. fail], maxTableCells: 1 << 20);
            Assert.Equal(kept, partner.Count(p => p >= 0));
        }
    }

    [Fact]
    public void Align_ReversedUniqueLines_StaysWithinBudget()
    {
        var pass = Enumerable.Range(1, 20_000).Select(i => (ulong)i).ToArray();
        var fail = pass.Reverse().ToArray();
        int[] partner = LineAligner.Align(pass, fail, maxTableCells: 1 << 20);
        // Each anchor splits off one line, so the work budget stops the recursion early: a few
        // pairs instead of 20,000 dictionary passes over 20,000 lines.
        Assert.InRange(partner.Count(p => p >= 0), 1, 1000);
    }

    private static int Lcs(ulong[] a, ulong[] b)
    {
        var t = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
        {
            for (int j = b.Length - 1; j >= 0; j--)
            {
                t[i, j] = a[i] == b[j] ? t[i + 1, j + 1] + 1 : Math.Max(t[i + 1, j], t[i, j + 1]);
            }
        }
        return t[0, 0];
    }
}
