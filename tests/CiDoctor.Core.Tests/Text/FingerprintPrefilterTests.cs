using CiDoctor.Core.Catalog;
using CiDoctor.Core.Text;

namespace CiDoctor.Core.Tests.Text;

/// <summary>The fingerprint prefilter finds exactly the literals a plain search for each one finds.</summary>
public class FingerprintPrefilterTests
{
    private static readonly (string, bool)[] Literals =
    [
        ("No space left on device", false), ("error:", false), ("ERROR", false), ("npm ERR!", false),
        ("timed out", true), ("Permission denied", true), ("✗", false), ("ab", false), ("İstanbul", true),
        ("straße", true), ("exit code", true), ("error[E", false), ("rror", false), ("r:", false),
    ];

    [Theory]
    [InlineData("fatal: No space left on device")]
    [InlineData("ERROR: error: Error: nothing")]
    [InlineData("Connection TIMED OUT after 30s; Timed Out again")]
    [InlineData("✗ 2 tests failed ✗")]
    [InlineData("error[E0425]: cannot find value")]
    [InlineData("İSTANBUL istanbul STRASSE STRAßE")]
    [InlineData("ab")]
    [InlineData("a")]
    [InlineData("")]
    [InlineData("npm ERR! code ELIFECYCLE; Exit Code 1")]
    public void FindAll_SameLiteralsAsReference(string line) => AssertSame(Literals, line);

    [Fact]
    public void FindAll_RandomLinesWithTheBuiltInLiterals_SameAsReference()
    {
        var catalog = CatalogLoader.Load([]);
        var literals = catalog.Modes
            .SelectMany(m => m.Signals)
            .SelectMany(s => s.Literal is not null ? [s.Literal] : RegexAnchor.Extract(s.Regex!), (s, l) => (l, s.IgnoreCase))
            .Distinct()
            .ToArray();
        var random = new Random(7);
        string[] noise = ["build", "step", " ", "\t", "é", "Ü", "🙂", "::", "/tmp/x", "ERR", "Err", "fail", "Tim"];
        for (int n = 0; n < 2000; n++)
        {
            var parts = new List<string>();
            int count = random.Next(0, 8);
            for (int k = 0; k < count; k++)
            {
                string piece = random.Next(3) == 0 ? literals[random.Next(literals.Length)].Item1 : noise[random.Next(noise.Length)];
                // Vary case and cut pieces so near misses are common.
                piece = random.Next(4) switch
                {
                    0 => piece.ToUpperInvariant(),
                    1 => piece.ToLowerInvariant(),
                    2 when piece.Length > 2 => piece[..^1],
                    _ => piece,
                };
                parts.Add(piece);
            }
            AssertSame(literals, string.Concat(parts));
        }
    }

    private static void AssertSame(IReadOnlyList<(string, bool)> literals, string line)
    {
        // The reference: each literal looked for on its own.
        var expected = Enumerable.Range(0, literals.Count)
            .Where(i => literals[i].Item1.Length > 0 && line.Contains(literals[i].Item1, literals[i].Item2 ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            .ToList();
        var actual = new List<int>();
        new FingerprintPrefilter(literals).FindAll(line, actual);
        Assert.True(expected.Order().SequenceEqual(actual.Order()),
            $"line '{line}': expected [{string.Join(",", expected.Order())}], got [{string.Join(",", actual.Order())}]");
    }
}
