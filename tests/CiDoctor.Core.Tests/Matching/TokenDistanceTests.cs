using CiDoctor.Core.Matching;

namespace CiDoctor.Core.Tests.Matching;

/// <summary>The banded distance equals the full Levenshtein distance whenever that is within the bound.</summary>
public class TokenDistanceTests
{
    [Fact]
    public void Bounded_RandomPairs_AgreesWithFullDistance()
    {
        var random = new Random(11);
        for (int round = 0; round < 2000; round++)
        {
            var a = Enumerable.Range(0, random.Next(0, 30)).Select(_ => (uint)random.Next(0, 5)).ToArray();
            var b = Enumerable.Range(0, random.Next(0, 30)).Select(_ => (uint)random.Next(0, 5)).ToArray();
            int max = random.Next(0, 12);
            int full = Full(a, b);
            int bounded = TokenDistance.Bounded(a, b, max);
            Assert.Equal(full <= max ? full : max + 1, bounded);
        }
    }

    [Fact]
    public void Bounded_LongSequences_UsesPooledRows()
    {
        var a = Enumerable.Range(0, 1000).Select(i => (uint)i).ToArray();
        var b = a.ToArray();
        b[500] = 99_999;
        Assert.Equal(1, TokenDistance.Bounded(a, b, 10));
    }

    [Fact]
    public void Of_SplitsWordsAndPunctuation()
    {
        Assert.Equal(TokenSequence.Of("error : cannot open ' / tmp / # '"), TokenSequence.Of("error: cannot open '/tmp/#'"));
        Assert.Equal(10, TokenSequence.Of("error: cannot open '/tmp/#'").Length);
    }

    private static int Full(uint[] a, uint[] b)
    {
        var t = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            t[i, 0] = i;
        }
        for (int j = 0; j <= b.Length; j++)
        {
            t[0, j] = j;
        }
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                t[i, j] = Math.Min(t[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), Math.Min(t[i - 1, j], t[i, j - 1]) + 1);
            }
        }
        return t[a.Length, b.Length];
    }
}
