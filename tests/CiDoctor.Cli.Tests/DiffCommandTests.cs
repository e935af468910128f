using System.Text.Json;
using CiDoctor.Testing;

namespace CiDoctor.Cli.Tests;

/// <summary><c>cidoctor diff PASS_LOG FAIL_LOG</c>: the text view, the JSON of docs/DIFF.md, and one-line errors.</summary>
public class DiffCommandTests
{
    private const string Pass = "2024-05-01T10:00:00.1234567Z ##[group]Run make\n2024-05-01T10:00:01.0000000Z make: built 12 targets in 3.2s\n2024-05-01T10:00:02.0000000Z done\n";
    private const string Fail = "2024-06-02T11:00:00.7654321Z ##[group]Run make\n2024-06-02T11:00:01.0000000Z make: built 14 targets in 2.9s\n" +
        "2024-06-02T11:00:01.5000000Z error: linker exited with code 1\n2024-06-02T11:00:02.0000000Z done\n";

    [Fact]
    public void Diff_Json_NewLineWithItsNumberAndCounts()
    {
        using var dir = new TempDir();
        var result = CliRunner.Run("diff", dir.Write("pass.log", Pass), dir.Write("fail.log", Fail), "--format", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("pass.log", root.GetProperty("pass").GetString());
        Assert.Equal("fail.log", root.GetProperty("fail").GetString());
        var summary = root.GetProperty("summary");
        Assert.Equal(3, summary.GetProperty("passLines").GetInt64());
        Assert.Equal(4, summary.GetProperty("failLines").GetInt64());
        Assert.Equal(3, summary.GetProperty("unchanged").GetInt64());
        Assert.Equal(0, summary.GetProperty("moved").GetInt64());
        Assert.Equal(0, summary.GetProperty("updated").GetInt64());
        Assert.Equal(1, summary.GetProperty("new").GetInt64());
        Assert.Equal(1, summary.GetProperty("hunks").GetInt64());
        var line = Assert.Single(root.GetProperty("newLines").EnumerateArray());
        Assert.Equal(3, line.GetProperty("line").GetInt64());
        Assert.Equal("error: linker exited with code 1", line.GetProperty("text").GetString());
        var hunk = Assert.Single(root.GetProperty("hunks").EnumerateArray());
        Assert.Equal((1, 4, 1), (hunk.GetProperty("start").GetInt64(), hunk.GetProperty("end").GetInt64(), hunk.GetProperty("new").GetInt32()));
    }

    [Fact]
    public void Diff_Text_SummaryAndMarkedNewLine()
    {
        using var dir = new TempDir();
        var result = CliRunner.Run("diff", dir.Write("pass.log", Pass), dir.Write("fail.log", Fail));
        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stdout.Split('\n');
        Assert.Equal("pass.log → fail.log: 1 new line(s) in 1 hunk(s) (4 lines; 3 unchanged, 0 moved, 0 updated)", lines[0]);
        Assert.Contains(" + 3  error: linker exited with code 1", lines);
        Assert.Contains("   2  make: built 14 targets in 2.9s", lines);
    }

    [Fact]
    public void Diff_SameLogs_SaysNothingIsNew()
    {
        using var dir = new TempDir();
        var result = CliRunner.Run("diff", dir.Write("pass.log", Pass), dir.Write("fail.log", Pass));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Nothing new", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_OutFile_WritesTheDiffThere()
    {
        using var dir = new TempDir();
        var result = CliRunner.Run("diff", dir.Write("pass.log", Pass), dir.Write("fail.log", Fail), "--format", "json", "--out", dir.File("diff.json"));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("\"new\": 1", File.ReadAllText(dir.File("diff.json")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.log", "fail.log", "PASS_LOG")]
    [InlineData("pass.log", "-", "stdin")]
    [InlineData("pass.log", "empty.log", "empty")]
    public void Diff_BadInput_OneLineAndExit2(string pass, string fail, string expected)
    {
        using var dir = new TempDir();
        dir.Write("pass.log", Pass);
        dir.Write("fail.log", Fail);
        dir.Write("empty.log", "");
        var result = CliRunner.Run("diff", pass == "-" ? "-" : dir.File(pass), fail == "-" ? "-" : dir.File(fail));
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StderrLines);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }
}
