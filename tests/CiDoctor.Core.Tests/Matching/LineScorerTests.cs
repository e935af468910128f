using CiDoctor.Core.Matching;

namespace CiDoctor.Core.Tests.Matching;

/// <summary>What a line says on its own: an error, a count of failures, an exit report, or chatter.</summary>
public class LineScorerTests
{
    [Theory]
    [InlineData("src/parse.c:41:7: error: expected ';' before '}' token")]
    [InlineData("E       AssertionError: assert 80 == 8080")]
    [InlineData("java.lang.IllegalStateException: pool closed")]
    [InlineData("store_SUITE:reconnect failed on line 195")]
    [InlineData("    [-] returns the cached value -> Expected 2, but got 3.")]
    public void Score_ErrorsWithAPlaceOrAType_ScoreHigh(string line) =>
        Assert.True(LineScorer.Score(line) >= 4, $"{line}: {LineScorer.Score(line)}");

    [Theory]
    [InlineData("make: *** [all] Error 2")]
    [InlineData("npm ERR! code ELIFECYCLE")]
    [InlineData("##[error]Process completed with exit code 1.")]
    [InlineData("error Command failed with exit code 3.")]
    public void Score_ExitReports_ScoreAtMostOne(string line)
    {
        Assert.True(LineScorer.IsWrapper(line));
        Assert.True(LineScorer.Score(line) <= 1, $"{line}: {LineScorer.Score(line)}");
    }

    [Theory]
    [InlineData("Tests:       1 failed, 216 passed, 217 total")]
    [InlineData("test result: FAILED. 16 passed; 7 failed; 0 ignored")]
    [InlineData("error: aborting due to 4 previous errors")]
    [InlineData("BUILD FAILED in 11m 38s")]
    [InlineData("FAIL\tgithub.com/acme/api/store\t0.638s")]
    [InlineData("Result: FAIL")]
    [InlineData("passed 79, failed 4, total 83")]
    [InlineData("Tests Passed: 996, Failed: 9, Skipped: 12")]
    public void IsSummary_CountsAndBanners(string line) => Assert.True(LineScorer.IsSummary(line));

    [Theory]
    [InlineData("thread 'parses_headers' panicked at 'Ref test failed; grid doesn't match', src/ref.rs:126:9")]
    [InlineData("npm ERR! code ECONNRESET")]
    [InlineData("    --- FAIL: TestParse/empty (0.00s)")]
    public void IsSummary_NotForTheFailureItself(string line)
    {
        Assert.False(LineScorer.IsSummary(line));
        Assert.False(LineScorer.IsWrapper(line));
    }

    [Theory]
    [InlineData("[INFO] Compiling 60 source files to /build/classes")]
    [InlineData("make[2]: Leaving directory '/src/lib'")]
    [InlineData("--- PASS: TestParse (0.00s)")]
    [InlineData("ok 3 parses a footer")]
    [InlineData("test_config.py::test_defaults PASSED")]
    [InlineData("Updating /build/logs/index.html ... done")]
    public void IsChatter_InformationalAndPassedLines(string line) => Assert.True(LineScorer.IsChatter(line));

    [Theory]
    [InlineData("Error: Cannot find module 'left-pad'")]
    [InlineData("not ok 2 parses a header")]
    public void IsChatter_NotForErrors(string line) => Assert.False(LineScorer.IsChatter(line));

    [Theory]
    [InlineData("..............................................  [ 98%]")]
    [InlineData("Linting 'Schema.swift' (44/48)")]
    public void IsProgress_ProgressLines(string line) => Assert.True(LineScorer.IsProgress(line));

    [Fact]
    public void Score_LongPathLikeLine_IsQuick()
    {
        // An unbounded word or path run before a literal made one regex quadratic on such lines.
        string line = string.Concat(Enumerable.Repeat("org.example.module.sub/", 3000)) + "Error";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < 5; i++)
        {
            LineScorer.Score(line);
        }
        Assert.True(watch.ElapsedMilliseconds < 5000, $"{watch.ElapsedMilliseconds} ms");
    }
}
