using CiDoctor.Core.Diff;
using CiDoctor.Core.Logs;

namespace CiDoctor.Core.Tests.Diff;

/// <summary>What <see cref="LogDiff"/> reports as new, moved and updated, on small plain logs.</summary>
public class LogDiffTests
{
    private static LogDiffResult Diff(string pass, string fail, LogDiffOptions? options = null) =>
        LogDiff.Compare(Source("pass.log", pass), Source("fail.log", fail), options ?? new LogDiffOptions { Ci = "plain" });

    private static LogSource Source(string name, string text)
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return new LogSource(name, null, () => new MemoryStream(bytes, writable: false));
    }

    private static long[] NewLines(LogDiffResult diff) => diff.NewLines.Select(l => l.Line).ToArray();

    [Fact]
    public void Compare_VolatilePartsDiffer_NothingNew()
    {
        var diff = Diff(
            "started at 2024-05-01T10:00:00Z\nDownloaded 12 MB in 3.2s from 10.0.0.7:8080\nbuild in /tmp/tmp.Ab12Cd\nid 550e8400-e29b-41d4-a716-446655440000\n",
            "started at 2024-06-11T23:59:01Z\nDownloaded 14 MB in 2.9s from 10.0.3.9:9090\nbuild in /tmp/tmp.Zz99Qq\nid 123e4567-e89b-12d3-a456-426614174000\n");
        Assert.Empty(diff.Hunks);
        Assert.Equal(4, diff.Summary.Unchanged);
        Assert.Equal(0, diff.Summary.New);
    }

    [Fact]
    public void Compare_NewErrorLines_ReportedWithFailLineNumbers()
    {
        var diff = Diff("a\nb\nc\nd\n", "a\nb\nerror: cannot open foo.c\nc\nd\nFAILED: 1 test\n");
        Assert.Equal([3L, 6L], NewLines(diff));
        Assert.Equal("error: cannot open foo.c", diff.NewLines.First().Text);
        Assert.Equal(2, diff.Summary.New);
        Assert.Equal(4, diff.Summary.Unchanged);
    }

    [Fact]
    public void Compare_LineMovedElsewhere_CountedAsMovedNotNew()
    {
        var diff = Diff("step one\nstep two\nstep three\nsummary line\n", "summary line\nstep one\nstep two\nstep three\n");
        Assert.Empty(diff.Hunks);
        Assert.Equal(1, diff.Summary.Moved);
        Assert.Equal(3, diff.Summary.Unchanged);
    }

    [Fact]
    public void Compare_ExtraCopyOfARepeatedLine_IsNew()
    {
        // The pass log has the line twice, the fail log three times: one copy is new.
        var diff = Diff("x\n[ERROR] see above\ny\n[ERROR] see above\n", "x\n[ERROR] see above\ny\n[ERROR] see above\nz\n[ERROR] see above\n");
        Assert.Equal([5L, 6L], NewLines(diff));
    }

    [Fact]
    public void Compare_LineWithOneWordChanged_IsUpdated()
    {
        var diff = Diff(
            "begin\nResolving dependencies for module core of project alpha using profile default\nend\n",
            "begin\nResolving dependencies for module core of project beta using profile default\nend\n");
        Assert.Empty(diff.Hunks);
        Assert.Equal(1, diff.Summary.Updated);
    }

    [Fact]
    public void Compare_UpdateThatIntroducesErrorVocabulary_IsNew()
    {
        var diff = Diff("begin\nok  \tgithub.com/acme/tool/internal/states\t0.078s\nend\n", "begin\nFAIL\tgithub.com/acme/tool/internal/states\t0.078s\nend\n");
        Assert.Equal([2L], NewLines(diff));
        Assert.Equal(0, diff.Summary.Updated);
    }

    [Fact]
    public void Compare_BlankLinesInsideNewBlock_AreNew_BlankLinesAroundItAreNot()
    {
        var diff = Diff("a\n\nb\n", "a\n\nerror: one\n\n\nerror: two\n\nb\n");
        Assert.Equal([3L, 4L, 5L, 6L], NewLines(diff));
    }

    [Fact]
    public void Compare_Hunks_CarryContextAndMergeWhenClose()
    {
        string pass = string.Concat(Enumerable.Range(1, 40).Select(i => $"line {(char)('a' + i % 26)}{(char)('a' + i / 26)}\n"));
        var lines = pass.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        lines.Insert(5, "error: first");      // line 6
        lines.Insert(10, "error: second");    // line 11: within 2 × 3 context lines of the first
        lines.Insert(30, "error: third");     // line 31: a hunk of its own
        var diff = Diff(pass, string.Join('\n', lines) + "\n", new LogDiffOptions { Ci = "plain", ContextLines = 3 });
        Assert.Equal(2, diff.Hunks.Count);
        Assert.Equal((3L, 14L, 2), (diff.Hunks[0].Start, diff.Hunks[0].End, diff.Hunks[0].New));
        Assert.Equal((28L, 34L, 1), (diff.Hunks[1].Start, diff.Hunks[1].End, diff.Hunks[1].New));
    }

    [Fact]
    public void Compare_LoneCarriageReturns_NumberLinesLikeDiagnose()
    {
        // \r\n, \n and a lone \r each end a line: "error" is line 4.
        var diff = Diff("a\r\nb\rc\n", "a\r\nb\rc\nerror: boom\n");
        Assert.Equal([4L], NewLines(diff));
    }

    [Fact]
    public void Compare_SecretInNewLine_IsMasked()
    {
        var diff = Diff("a\n", "a\nerror: push failed for token ghp_abcdefghijklmnopqrstuvwxyz0123456789\n");
        var line = Assert.Single(diff.NewLines);
        Assert.DoesNotContain("ghp_abcdef", line.Text, StringComparison.Ordinal);
        Assert.Contains("***", line.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_CountsAddUpToFailLines()
    {
        var diff = Diff("a\nb 1\nc\nd\nsame words here and there\n", "b 2\na\nc\nnew thing\n\nsame words here and where\nd\n");
        var s = diff.Summary;
        Assert.Equal(s.FailLines, s.Unchanged + s.Moved + s.Updated + s.New);
        Assert.Equal(7, s.FailLines);
        Assert.Equal(5, s.PassLines);
    }
}
