using System.Text;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Matching;
using CiDoctor.Core.Text;

namespace CiDoctor.Core.Tests.Text;

/// <summary>
/// The byte filter must find exactly what a plain per-literal search finds: every literal
/// occurring in the line, once, whatever its casing (for case-insensitive ones), where it sits
/// (start, end, overlapping others) and whatever the bytes after the line are.
/// </summary>
public sealed class RareWindowFilterTests
{
    private static readonly string[] Alphabet = ["a", "b", "E", "r", "o", " ", ":", ".", "/", "[", "]", "_", "-", "0", "1", "x", "X", "R", "\t"];

    [Fact]
    public void FindAll_RandomLinesAndLiterals_MatchesPlainSearch()
    {
        var random = new Random(42);
        for (int round = 0; round < 40; round++)
        {
            var literals = Enumerable.Range(0, 60).Select(_ => (Word(random, random.Next(2, 12)), random.Next(2) == 0)).Distinct().ToList();
            var filter = new RareWindowFilter(literals, Encoding.ASCII.GetBytes(Word(random, 4000)));
            for (int i = 0; i < 300; i++)
            {
                string line = Word(random, random.Next(0, 200));
                if (random.Next(3) == 0)
                {
                    // Plant a literal (in a random casing) at a random place.
                    var (literal, _) = literals[random.Next(literals.Count)];
                    int at = random.Next(line.Length + 1);
                    line = line[..at] + RandomCase(random, literal) + line[at..];
                }
                AssertSameAsPlainSearch(filter, literals, line, random);
            }
        }
    }

    [Fact]
    public void FindAll_CatalogLiterals_MatchesPlainSearch()
    {
        var compiled = new CompiledCatalog(CatalogLoader.Load([]), "plain");
        var literals = compiled.Literals.Where(l => Ascii.IsValid(l.Literal)).ToList();
        var filter = new RareWindowFilter(literals, []);
        var random = new Random(7);
        foreach (var (literal, _) in literals)
        {
            AssertSameAsPlainSearch(filter, literals, "x " + literal + " y", random);
            AssertSameAsPlainSearch(filter, literals, literal, random);
            AssertSameAsPlainSearch(filter, literals, literal.ToUpperInvariant(), random);
        }
    }

    [Fact]
    public void FindAll_ShortLiterals_FoundAtEveryPosition()
    {
        var literals = new List<(string, bool)> { ("> ", false), ("://", true), ("eyJ", true), ("abcd", false) };
        var filter = new RareWindowFilter(literals, []);
        var random = new Random(3);
        foreach (string line in new[] { "> ", "a> ", "http://x", "://", "EYJ", "xxeyj", "abc", "abcd", "xabcd", "ab:/" })
        {
            AssertSameAsPlainSearch(filter, literals, line, random);
        }
    }

    [Fact]
    public void FindAll_NonAsciiLiteral_IsNotIndexed()
    {
        var filter = new RareWindowFilter([("✗ failed", false), ("ok", false)], []);

        Assert.False(filter.Indexed[0]);
        Assert.True(filter.Indexed[1]);
    }

    private static void AssertSameAsPlainSearch(RareWindowFilter filter, IReadOnlyList<(string Literal, bool IgnoreCase)> literals, string line, Random random)
    {
        var padded = new byte[line.Length + RareWindowFilter.Slack];
        Encoding.ASCII.GetBytes(line, padded);
        // Whatever follows the line must not make a literal match past its end.
        for (int i = line.Length; i < padded.Length; i++)
        {
            padded[i] = (byte)"abEro:./[x"[random.Next(10)];
        }
        var found = new List<int>();
        filter.FindAll(padded, line.Length, found);
        var expected = Enumerable.Range(0, literals.Count)
            .Where(i => filter.Indexed[i] && line.Contains(literals[i].Literal, literals[i].IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            .ToArray();
        Assert.True(expected.SequenceEqual(found.Order()), $"line '{line}': expected [{string.Join(", ", expected.Select(i => literals[i].Literal))}], found [{string.Join(", ", found.Order().Select(i => literals[i].Literal))}]");
        Assert.Equal(found.Count, found.Distinct().Count());
    }

    private static string Word(Random random, int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]));

    private static string RandomCase(Random random, string text) =>
        string.Concat(text.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)));
}
