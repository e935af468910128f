using CiDoctor.History.Clustering;

namespace CiDoctor.History.Tests.Clustering;

/// <summary>Issue 6 part 4: signatures, grouping, and ids that survive re-clustering and new history.</summary>
public class FailureClustererTests
{
    private static readonly DateTimeOffset T0 = new(2025, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Failures =
    [
        "error: failed to build archive at `/tmp/tmp.Ab12/libobject.rlib`: No space left on device (os error 28)",
        "npm ERR! code ERESOLVE could not resolve dependency peer react@18.2.0",
        "dial tcp 10.0.0.12:5432: connect: connection refused",
        "FAIL: TestQuorumLoss (12.34s) etcd_test.go:88: expected 3 members, got 2",
        "fatal: unable to access 'https://github.com/o/r.git/': The requested URL returned error: 403",
    ];

    [Fact]
    public void Add_SameTextWithVariedNumbersIdsPathsTimes_OneCluster()
    {
        var clusterer = new FailureClusterer();
        clusterer.Add("2025-10-01T10:00:00Z job 4f1c2a9e8b: write /tmp/tmp.Xy12/out.bin failed after 12.5s (request 550e8400-e29b-41d4-a716-446655440000 from 10.0.0.7:8080)");
        clusterer.Add("2025-11-17T23:59:01Z job 9a0b7c6d5e: write /tmp/tmp.Qq99/out.bin failed after 3.25s (request 123e4567-e89b-12d3-a456-426614174000 from 192.168.1.20:9090)");
        clusterer.Add("2026-01-02T00:00:00Z job 0123456789abcdef: write /var/tmp/zz/out.bin failed after 100s (request 00000000-0000-0000-0000-000000000000 from 172.16.0.1:1)");
        var cluster = Assert.Single(clusterer.Clusters);
        Assert.Equal(3, cluster.Count);
        Assert.Equal(2, clusterer.SignatureCount);   // /var/tmp/zz keeps its root: a second, near-identical signature
    }

    [Theory]
    [InlineData("[10:00:01] error: linker failed", "error: linker failed")]
    [InlineData("2025-10-01T10:00:00.123Z error: linker failed", "error: linker failed")]
    [InlineData("2025-10-01 10:00:00 error: linker failed", "error: linker failed")]
    [InlineData("12 tests failed", "# tests failed")]
    [InlineData("1.2.3 is broken", "#.#.# is broken")]
    public void Signature_LeadingDateOrTimeDropped_OtherNumbersMasked(string text, string signature) =>
        Assert.Equal(signature, FailureSignature.Of(text));

    [Fact]
    public void Add_OneWordDifferent_SameCluster()
    {
        var clusterer = new FailureClusterer();
        clusterer.Add("error[E0425]: cannot find value `config_path` in this scope --> src/main.rs:12:5");
        clusterer.Add("error[E0425]: cannot find value `data_dir` in this scope --> src/main.rs:40:9");
        Assert.Single(clusterer.Clusters);
    }

    [Fact]
    public void Add_DifferentFailures_DifferentClusters()
    {
        var clusterer = new FailureClusterer();
        foreach (string f in Failures)
        {
            clusterer.Add(f);
            clusterer.Add(f.Replace("12", "97", StringComparison.Ordinal));
        }
        Assert.Equal(Failures.Length, clusterer.Clusters.Count);
        Assert.All(clusterer.Clusters, c => Assert.Equal(2, c.Count));
        Assert.Equal(Failures.Length, clusterer.Clusters.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Clusters_SameTextsInAnotherOrder_SameIdsAndMembers()
    {
        var texts = Corpus();
        var first = Cluster(texts);
        var shuffled = texts.ToArray();
        new Random(5).Shuffle(shuffled);
        var second = Cluster(shuffled);
        Assert.Equal(Describe(first), Describe(second));
        // Re-clustering (a new clusterer over the same history) gives the same ids again.
        Assert.Equal(Describe(first), Describe(Cluster(texts)));
    }

    [Fact]
    public void Clusters_HistoryGrowsForward_ExistingIdsAndMembersKept()
    {
        var old = Corpus();
        var before = Cluster(old);
        // Later failures: near-variants of old ones (join) and new failures (new clusters).
        var later = old.Select((t, i) => (t.Text.Replace("error", "Error", StringComparison.Ordinal) + " again", T0.AddDays(100 + i), t.Job))
            .Concat(Failures.Select((f, i) => ("brand new: " + f + " in module " + (char)('a' + i), T0.AddDays(200 + i), "late-job")))
            .ToList();
        var after = Cluster([.. old, .. later]);
        foreach (var cluster in before)
        {
            var same = after.Single(c => c.Id == cluster.Id);
            Assert.Equal(cluster.Signature, same.Signature);
            Assert.Subset(same.Signatures.ToHashSet(), cluster.Signatures.ToHashSet());
            Assert.Equal(cluster.FirstSeen, same.FirstSeen);
        }
    }

    [Fact]
    public void Clusters_FactsOfAClusterFromItsTexts()
    {
        var clusterer = new FailureClusterer();
        clusterer.Add("dial tcp 10.0.0.12:5432: connect: connection refused", new FailureMetadata(T0.AddDays(3), "test (pg)"));
        clusterer.Add("dial tcp 10.0.0.99:5432: connect: connection refused", new FailureMetadata(T0.AddDays(1), "migrate"));
        clusterer.Add("dial tcp 10.0.0.7:6543: connect: connection refused", new FailureMetadata(T0.AddDays(9), "test (pg)"));
        var c = Assert.Single(clusterer.Clusters);
        Assert.Equal(3, c.Count);
        Assert.Equal(T0.AddDays(1), c.FirstSeen);
        Assert.Equal(T0.AddDays(9), c.LastSeen);
        Assert.Equal(["migrate", "test (pg)"], c.Jobs);
        Assert.Equal("dial tcp 10.0.0.99:5432: connect: connection refused", c.Excerpt);   // the earliest text
        Assert.Equal("dial tcp #.#.#.#:#: connect: connection refused", c.Signature);
        Assert.Equal(FailureClusterer.IdOf(c.Signature), c.Id);
        Assert.Matches("^c[0-9a-f]{12}$", c.Id);
    }

    [Fact]
    public void Add_TextWithSecret_MaskedInExcerptAndSignature()
    {
        var clusterer = new FailureClusterer();
        clusterer.Add("remote: Invalid username or password for https://bot:ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/o/r");
        var c = Assert.Single(clusterer.Clusters);
        Assert.DoesNotContain("ghp_abcdef", c.Excerpt, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_abcdef", c.Signature, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_BlankText_Ignored()
    {
        var clusterer = new FailureClusterer();
        clusterer.Add("  \n\t\n");
        Assert.Empty(clusterer.Clusters);
        Assert.Equal(0, clusterer.Count);
    }

    private static List<(string Text, DateTimeOffset At, string Job)> Corpus()
    {
        var random = new Random(1);
        var texts = new List<(string, DateTimeOffset, string)>();
        // Chains of near-variants (A~B, B~C, A≁C) are where order-dependent clustering would differ.
        string[] words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"];
        for (int i = 0; i < 300; i++)
        {
            string f = Failures[random.Next(Failures.Length)];
            var parts = f.Split(' ').ToList();
            for (int k = random.Next(0, 3); k > 0; k--)
            {
                parts[random.Next(parts.Count)] = words[random.Next(words.Length)];
            }
            texts.Add((string.Join(' ', parts).Replace("12", random.Next(100).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
                T0.AddHours(random.Next(0, 24 * 60)), "job" + random.Next(4)));
        }
        return texts;
    }

    private static IReadOnlyList<FailureCluster> Cluster(IEnumerable<(string Text, DateTimeOffset At, string Job)> texts)
    {
        var clusterer = new FailureClusterer();
        foreach (var (text, at, job) in texts)
        {
            clusterer.Add(text, new FailureMetadata(at, job));
        }
        return clusterer.Clusters;
    }

    private static List<string> Describe(IReadOnlyList<FailureCluster> clusters) =>
        clusters.Select(c => $"{c.Id} {c.Count} {c.FirstSeen:O} {c.LastSeen:O} {string.Join(",", c.Jobs)} {c.Excerpt} [{string.Join(" | ", c.Signatures.Order(StringComparer.Ordinal))}]").ToList();
}
