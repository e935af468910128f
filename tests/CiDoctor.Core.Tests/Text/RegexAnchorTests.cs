using System.Text;
using System.Text.RegularExpressions;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Catalog.Linting;
using CiDoctor.Core.Matching;
using CiDoctor.Core.Model;
using CiDoctor.Core.Text;

namespace CiDoctor.Core.Tests.Text;

/// <summary>
/// Prefilter anchors: the rarest required literal, one per alternative of an alternation, and
/// never a literal a match may lack (that would silently drop findings).
/// </summary>
public class RegexAnchorTests
{
    [Theory]
    // The rarer of two required literals, not the longer one.
    [InlineData(@"github\.com/[^/]+/issues/\d+", "/issues/")]
    [InlineData(@"error\[E\d{4}\]", "error[E")]
    [InlineData(@"(foo|bar) failed", " failed")]
    [InlineData(@"\bENOSPC\b", "ENOSPC")]
    // A group matched once continues the literal around it.
    [InlineData(@"(?<file>[\w/.]+\.java):\[(?<line>\d+)", ".java:[")]
    [InlineData(@"SUMMARY: (?:UndefinedBehavior)Sanitizer", "SUMMARY: UndefinedBehaviorSanitizer")]
    // A required group with alternatives is a set; here rarer than the literal beside it.
    [InlineData(@"getaddrinfo (ENOTFOUND|EAI_AGAIN) ", "getaddrinfo ENOTFOUND|getaddrinfo EAI_AGAIN")]
    // Top-level alternations: one anchor per alternative.
    [InlineData(@"has been renamed|has been removed", "has been renamed|has been removed")]
    [InlineData(@"TimeoutExpired|timed out after", "TimeoutExpired|timed out after")]
    [InlineData(@"cp31[3-9]|Python 3\.1[3-9]", "cp31|Python 3.1")]
    [InlineData(@"ghc-options.*-Werror|-Werror\b", "ghc-options|-Werror")]
    // A class must not hide the '|' after it: [\-[] is the class of '-' and '[', no subtraction.
    [InlineData(@"abc[\-[]x]|def", "abc|def")]
    [InlineData(@"abc[a-z-[aeiou]]x|def", "abc|def")]
    [InlineData(@"error (?<code>CS\d{4}|FS\d{4}|BC\d{5}): ", "error CS|error FS|error BC")]
    [InlineData(@"ERROR: (?:Fix|Missing) \w+", "ERROR: Fix|ERROR: Missing")]
    public void Extract_ChoosesRarestRequiredLiterals(string pattern, string expected) =>
        Assert.Equal(expected.Split('|'), RegexAnchor.Extract(pattern));

    [Theory]
    // An alternative without a literal of 3+ characters leaves the whole pattern unanchored.
    [InlineData(@"ab|cdef")]
    [InlineData(@"\[[0-9a-f]{1,4}:[0-9a-f:]*\]:\d+")]
    [InlineData(@"abc|[xyz]+")]
    [InlineData(@"\d+\.\d+")]
    // Groups that match no text of their own, and free-spacing mode where spaces are syntax.
    [InlineData(@"(?=abcd)\w+")]
    [InlineData(@"(?x) abc def")]
    // Comments may hold parentheses and '|' (this is "abc" or "def").
    [InlineData(@"abc(?#x(y)|def")]
    // Escapes whose arguments look like text: backreference digits, \k'name', \x41, \p{..}.
    [InlineData(@"(a)\12345")]
    [InlineData(@"(?<n>a)\k'nnn'")]
    [InlineData(@"\p{Lu}{2}")]
    public void Extract_NoSafeAnchor_Empty(string pattern) => Assert.Empty(RegexAnchor.Extract(pattern));

    [Theory]
    [InlineData(@"(?:ENOSPC: )?no space", "no space")]
    [InlineData(@"(Killed process \d+ )?oom-kill", "oom-kill")]
    [InlineData(@"abcd?", "abc")]
    [InlineData(@"abcd*", "abc")]
    [InlineData(@"abcd{0,3}ef", "abc")]
    [InlineData(@"xyz(?:QWERTY){0,2}", "xyz")]
    [InlineData(@"xyz(?:QWERTY)*", "xyz")]
    [InlineData(@"xyz(QWERTY)??", "xyz")]
    // A repeated character ends the literal: "ab+cde" matches "abbcde", which lacks "abcde".
    [InlineData(@"ab+cde", "cde")]
    // An empty alternative makes the group optional.
    [InlineData(@"SSL routines:(QWERTY|ASDFGH|)", "SSL routines:")]
    public void Extract_OptionalPartsNeverAnchor(string pattern, string expected) =>
        Assert.Equal([expected], RegexAnchor.Extract(pattern));

    [Theory]
    // .NET reads '{' as text unless it is {n}, {n,} or {n,m}; \x41 and \cM are not their letters.
    [InlineData(@"a{,3}bcd", "a{,3}bcd")]
    [InlineData(@"\x41BCD", "BCD")]
    [InlineData(@"\x41\x42CDE", "CDE")]
    [InlineData(@"\cMBCD", "BCD")]
    [InlineData(@"\u0041BCD", "BCD")]
    [InlineData(@"[a-z-[aeiou]]+xyz", "xyz")]
    [InlineData(@"[]a]bcd", "bcd")]
    [InlineData(@"FAIL\tpkg", "FAIL\tpkg")]
    public void Extract_EscapesAndClasses_ReadAsDotNetDoes(string pattern, string expected) =>
        Assert.Equal([expected], RegexAnchor.Extract(pattern));

    [Fact]
    public void Extract_MinLength_AppliesToEveryAlternative()
    {
        Assert.Equal(["abcd", "efg"], RegexAnchor.Extract("abcd|efg"));
        Assert.Empty(RegexAnchor.Extract("abcd|efg", minLength: 4));
    }

    [Theory]
    [InlineData(@"(?i)no space left", true)]
    [InlineData(@"(?mi)no space left", true)]
    [InlineData(@"no (?i:space) left", true)]
    [InlineData(@"no space left", false)]
    [InlineData(@"(?m)no space left", false)]
    public void IgnoresCase_InlineOptions(string pattern, bool expected) => Assert.Equal(expected, RegexAnchor.IgnoresCase(pattern));

    [Fact]
    public void CompiledPattern_InlineIgnoreCase_AnchorsIgnoreCase()
    {
        var pattern = new CompiledPattern(new PatternSpec(null, @"(?i:permission denied) \(publickey\)", false));
        Assert.True(pattern.AnchorIgnoreCase);
        // The (?i:…) group is plain concatenation: its text continues the literal.
        Assert.Equal(["permission denied (publickey)"], pattern.Anchors);
    }

    [Theory]
    [InlineData("pytest: subprocess.TimeoutExpired: Command", true)]
    [InlineData("step timed out after 30 minutes", true)]
    [InlineData("TimeoutExpired, then timed out after 5s", true)]
    [InlineData("timed out", false)]
    public void CompiledCatalog_AlternationAnchors_AnyAnchorRunsTheRegex(string line, bool expected)
    {
        var mode = new FailureMode
        {
            Id = "test.timeout",
            Title = "timeout",
            Kind = "timeout",
            Origin = Origin.Environment,
            Severity = Severity.High,
            Signals = [new PatternSpec(null, "TimeoutExpired|timed out after", false)],
        };
        var compiled = new CompiledCatalog(FailureCatalog.Of([mode]), "plain");
        Assert.Equal(expected, CatalogLinter.Matches(compiled, mode.Id, line));
    }

    [Theory]
    [InlineData("'has been renamed|has been removed'", false)]
    [InlineData("'has been renamed|removed'", false)]
    [InlineData("'has been renamed|off'", true)]
    [InlineData("'(?:has been )?removed'", false)]
    [InlineData("'(?:has been )?off'", true)]
    public void Lint_RegexWithoutFourCharacterAnchors_Reported(string regex, bool reported)
    {
        string folder = Directory.CreateTempSubdirectory("cidoctor-lint-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "nix"));
            File.WriteAllText(Path.Combine(folder, "nix", "option-gone.yaml"), $"""
                id: nix.option-gone
                title: A NixOS option was renamed or removed
                kind: nix-build
                origin: config
                severity: medium
                signals:
                  - regex: {regex}
                examples:
                  match:
                    - "The option `foo' has been renamed to `bar'. The option `x' has been removed. It is off."
                  noMatch:
                    - "evaluation finished"
                """);
            var anchorProblems = CatalogLinter.Lint(folder).Where(p => p.Message.Contains("runs on every line", StringComparison.Ordinal));
            Assert.Equal(reported, anchorProblems.Any());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The same property against .NET's own reading of the syntax: random regexes over a small
    /// alphabet (groups, alternations, classes, quantifiers, escapes, inline options), each with
    /// lines built to match it (a sample of the regex between random text).
    /// </summary>
    [Fact]
    public void RandomRegexes_EveryMatch_ContainsAnAnchor()
    {
        var random = new Random(11);
        int anchored = 0;
        for (int n = 0; n < 2000; n++)
        {
            var (pattern, sample) = RandomRegex(random, depth: 0);
            var regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            var anchors = RegexAnchor.Extract(pattern);
            anchored += anchors.Count > 0 ? 1 : 0;
            var comparison = RegexAnchor.IgnoresCase(pattern) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            for (int k = 0; k < 20; k++)
            {
                var line = new StringBuilder(Noise(random));
                sample(random, line);
                line.Append(Noise(random));
                Assert.True(regex.IsMatch(line.ToString()), $"sample of '{pattern}' does not match: '{line}'");
                Assert.True(anchors.Count == 0 || anchors.Any(a => line.ToString().Contains(a, comparison)),
                    $"'{pattern}' anchors [{string.Join(", ", anchors)}] miss: '{line}'");
            }
        }
        Assert.True(anchored > 500, $"only {anchored} patterns anchored");
    }

    private static string Noise(Random random) => new(Enumerable.Range(0, random.Next(4)).Select(_ => "abc-."[random.Next(5)]).ToArray());

    private delegate void Sampler(Random random, StringBuilder line);

    // A regex and a way to write text it matches.
    private static (string Pattern, Sampler Sample) RandomRegex(Random random, int depth)
    {
        var (pattern, sample) = RandomSequence(random, depth);
        if (depth > 0 || random.Next(4) != 0)
        {
            return (pattern, sample);
        }
        var (other, otherSample) = RandomSequence(random, 1);
        return (pattern + "|" + other, (r, line) => (r.Next(2) == 0 ? sample : otherSample)(r, line));
    }

    private static (string, Sampler) RandomSequence(Random random, int depth)
    {
        var pattern = new StringBuilder();
        var samplers = new List<Sampler>();
        for (int i = random.Next(1, 7); i > 0; i--)
        {
            var (atom, sample) = RandomAtom(random, depth);
            // A quantifier binds the last character of a text; unbounded repeats of groups could
            // backtrack for ever.
            var quantifiers = atom.Length > 1 && char.IsAsciiLetter(atom[0]) ? Quantifiers[..1]
                : atom.StartsWith('(') ? Quantifiers[..^2] : Quantifiers;
            var (quantifier, min, max) = quantifiers[random.Next(quantifiers.Length)];
            pattern.Append(atom).Append(quantifier);
            samplers.Add((r, line) =>
            {
                for (int count = r.Next(min, max + 1); count > 0; count--)
                {
                    sample(r, line);
                }
            });
        }
        return (pattern.ToString(), (r, line) => samplers.ForEach(s => s(r, line)));
    }

    private static readonly (string, int, int)[] Quantifiers =
        [("", 1, 1), ("", 1, 1), ("", 1, 1), ("?", 0, 1), ("??", 0, 1), ("{0,2}", 0, 2), ("{1,2}", 1, 2), ("{2}", 2, 2), ("*", 0, 3), ("+", 1, 3)];

    private static (string, Sampler) RandomAtom(Random random, int depth)
    {
        switch (random.Next(depth < 2 ? 11 : 8))
        {
            case 0 or 1 or 2 or 3:
                string text = new(Enumerable.Range(0, random.Next(1, 4)).Select(_ => "abc"[random.Next(3)]).ToArray());
                return (text, (_, line) => line.Append(text));
            case 4:
                return random.Next(2) == 0 ? (@"\.", (_, line) => line.Append('.')) : (@"\{", (_, line) => line.Append('{'));
            case 5:
                return random.Next(2) == 0 ? ("[ab]", (r, line) => line.Append("ab"[r.Next(2)])) : ("[^c]", (r, line) => line.Append("ab.-"[r.Next(4)]));
            case 6:
                return random.Next(2) == 0 ? (".", (r, line) => line.Append("abc"[r.Next(3)])) : (@"\-", (_, line) => line.Append('-'));
            case 7:
                return ("{", (_, line) => line.Append('{'));
            case 8:
                var (inner, sample) = RandomRegex(random, depth + 1);
                return ("(" + inner + ")", sample);
            case 9:
                var (left, leftSample) = RandomRegex(random, depth + 1);
                var (right, rightSample) = RandomRegex(random, depth + 1);
                return ("(?:" + left + "|" + right + ")", (r, line) => (r.Next(2) == 0 ? leftSample : rightSample)(r, line));
            default:
                var (folded, foldedSample) = RandomRegex(random, depth + 1);
                return ("(?i:" + folded + ")", (r, line) =>
                {
                    int start = line.Length;
                    foldedSample(r, line);
                    for (int i = start; i < line.Length; i++)
                    {
                        line[i] = r.Next(2) == 0 ? char.ToUpperInvariant(line[i]) : line[i];
                    }
                }
                );
        }
    }

    /// <summary>
    /// The property the prefilter relies on, checked on real lines: every built-in regex that
    /// matches an example line of any mode finds one of its anchors in that line.
    /// </summary>
    [Fact]
    public void BuiltInCatalog_EveryRegexMatchOfAnExample_ContainsAnAnchor()
    {
        var catalog = CatalogLoader.Load([]);
        string[] lines = catalog.Modes.SelectMany(m => m.ExamplesMatch.Concat(m.ExamplesNoMatch)).Distinct().ToArray();
        var specs = catalog.Modes
            .SelectMany(m => m.Signals.Concat(m.Factors).Concat(m.Unless).Concat(m.Context))
            .Where(s => s.Regex is not null)
            .DistinctBy(s => (s.Regex, s.IgnoreCase));
        var failures = new List<string>();
        int matched = 0;
        foreach (var spec in specs)
        {
            var pattern = new CompiledPattern(spec);
            var compiled = PatternCompiler.TryCompile(spec.Regex!, spec.IgnoreCase, out _)!;
            // Without the catalog's match timeout: this checks anchors, not speed, and a loaded CI
            // machine can stretch a match past 200 ms (it did, with a load average of 30).
            var regex = new System.Text.RegularExpressions.Regex(compiled.ToString(), compiled.Options, System.Text.RegularExpressions.Regex.InfiniteMatchTimeout);
            var comparison = pattern.AnchorIgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            foreach (string line in lines.Where(l => regex.IsMatch(l)))
            {
                matched++;
                if (pattern.Anchors.Count > 0 && !pattern.Anchors.Any(a => line.Contains(a, comparison)))
                {
                    failures.Add($"'{spec.Regex}' anchors [{string.Join(", ", pattern.Anchors)}] miss: {line}");
                }
            }
        }
        Assert.True(matched > 500, $"only {matched} matches: the examples were not read");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
