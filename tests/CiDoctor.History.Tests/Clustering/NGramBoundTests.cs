using CiDoctor.Core.Matching;
using CiDoctor.History.Clustering;

namespace CiDoctor.History.Tests.Clustering;

/// <summary>The q-gram count filter is a true lower bound: it never drops a pair the exact distance accepts.</summary>
public class NGramBoundTests
{
    [Theory]
    [InlineData(2, 0.8)]
    [InlineData(2, 0.6)]
    [InlineData(3, 0.8)]
    public void MayBeWithin_RandomPairs_NeverDropsAnAcceptedPair(int q, double similarity)
    {
        var random = new Random(42 + q);
        int accepted = 0, pruned = 0;
        for (int round = 0; round < 20_000; round++)
        {
            var a = Enumerable.Range(0, random.Next(0, 25)).Select(_ => (uint)random.Next(0, 6)).ToArray();
            // Half the pairs are edits of a (near pairs), half independent.
            var b = random.Next(2) == 0 ? Edit(a, random, random.Next(0, 6)) : Enumerable.Range(0, random.Next(0, 25)).Select(_ => (uint)random.Next(0, 6)).ToArray();
            int k = CiDoctor.Core.Matching.TokenDistance.Budget(a.Length, b.Length, similarity);
            bool exact = TokenDistance.Bounded(a, b, k) <= k;
            bool may = NGramBound.MayBeWithin(a, b, k, q);
            Assert.True(!exact || may, $"pruned an accepted pair: [{string.Join(',', a)}] [{string.Join(',', b)}] k={k}");
            accepted += exact ? 1 : 0;
            pruned += may ? 0 : 1;
        }
        // Both kinds occur, so the assertion above was exercised and the filter does prune.
        Assert.True(accepted > 1000, $"only {accepted} accepted pairs");
        Assert.True(pruned > 1000, $"only {pruned} pruned pairs");
    }

    [Fact]
    public void Required_SharedGramsForDistanceK()
    {
        // 10 tokens, 9 bigrams; one substitution destroys at most 2 of them.
        Assert.Equal(7, NGramBound.Required(10, 10, 1, 2));
        Assert.Equal(1, NGramBound.Shared([1, 2, 2, 5], [2, 3, 4]));
        Assert.Equal(2, NGramBound.Shared([1, 2, 2, 5], [2, 2, 4]));
    }

    private static uint[] Edit(uint[] a, Random random, int edits)
    {
        var list = a.ToList();
        for (int e = 0; e < edits; e++)
        {
            int op = random.Next(3);
            if (op == 0 || list.Count == 0)
            {
                list.Insert(random.Next(list.Count + 1), (uint)random.Next(0, 6));
            }
            else if (op == 1)
            {
                list.RemoveAt(random.Next(list.Count));
            }
            else
            {
                list[random.Next(list.Count)] = (uint)random.Next(0, 6);
            }
        }
        return [.. list];
    }
}
