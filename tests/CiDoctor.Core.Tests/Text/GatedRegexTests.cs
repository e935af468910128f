using System.Text;
using CiDoctor.Core.Matching;
using CiDoctor.Core.Tests.Logs;

namespace CiDoctor.Core.Tests.Text;

/// <summary>A gate in front of a scorer regex may only skip texts the regex does not match.</summary>
public sealed class GatedRegexTests
{
    [Fact]
    public void IsMatch_ScorerRegexes_SameAsTheRegexOnCorpusAndCraftedLines()
    {
        var lines = LogTestKit.Cases().SelectMany(LogTestKit.RawLines).Concat(Crafted()).Distinct().ToArray();
        foreach (var gate in LineScorer.Gates.All)
        {
            foreach (string line in lines)
            {
                Assert.True(gate.Regex.IsMatch(line) == gate.IsMatch(line), $"{gate.Regex} on '{line}'");
            }
        }
    }

    [Fact]
    public void IsMatch_ScorerRegexes_AreAnchored()
    {
        // Each gate must skip something, or it only costs time.
        Assert.All(LineScorer.Gates.All, gate => Assert.True(gate.Anchored, gate.Regex.ToString()));
    }

    [Fact]
    public void IsMatch_RandomLinesFromScorerVocabulary_SameAsTheRegex()
    {
        string[] words =
        [
            "error", "Error:", "FAILED", "failed", "ok", "PASS", "(12)", "(3/4)", "........", ": 12", ":[1,2]", " line 7", "at", "on", ",",
            "0 failed", "Tests run: 3", "BUILD FAILED", "make: ***", "Error 2", "warning", "✗", "✓", "√", "x.java:12", "a/b.go:3:4", " ",
            "\t", "  ", "exit code 1", "INFO", "[INFO]", "--- PASS:", "done", "(", ")", ":", "[", "]", ".", "Test suite x: FAIL",
        ];
        var random = new Random(11);
        for (int i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder();
            for (int w = random.Next(1, 8); w > 0; w--)
            {
                text.Append(words[random.Next(words.Length)]).Append(random.Next(3) == 0 ? "" : " ");
            }
            string line = text.ToString();
            foreach (var gate in LineScorer.Gates.All)
            {
                Assert.True(gate.Regex.IsMatch(line) == gate.IsMatch(line), $"{gate.Regex} on '{line}'");
            }
        }
    }

    private static IEnumerable<string> Crafted() =>
    [
        "src/main.rs:12:5: error", "Foo.java:[12,5] cannot find symbol", "at line 12", "failed on line 696", "x (file.py(12))",
        "........  [ 98%]", "....  63 / 242 ( 26%)", "Linting 'a.swift' (44/48)", "Linting 'a.swift' (44/48)  \t",
        "ok 3 - works", "test_x PASSED", "Tests run: 5, Failures: 1", "FAIL\t", "  FAIL  ", "***  Failed  ***", "✗ broken",
    ];
}
