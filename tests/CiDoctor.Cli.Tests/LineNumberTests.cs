using System.Text;
using System.Text.Json;
using CiDoctor.Testing;

namespace CiDoctor.Cli.Tests;

/// <summary>
/// DESIGN.md: <c>line</c> is the 1-based line number in the file, where a line ends at
/// <c>\r\n</c>, <c>\n</c> or a lone <c>\r</c>; <c>text</c> has no timestamp prefix.
/// </summary>
public class LineNumberTests
{
    private const string Cause = "error: failed to write /home/runner/work/app/target/out.o: No space left on device";

    [Fact]
    public void Diagnose_CrLfLineEnds_CauseHasItsLineNumber()
    {
        string log = string.Join("\r\n",
            "Run make all",
            "",
            "cc -c src/a.c -o target/a.o",
            "cc -c src/b.c -o target/b.o",
            "",
            Cause,
            "make: *** [Makefile:12: all] Error 1",
            "");

        AssertCause(log, expectedLine: 6, expectedText: Cause);
    }

    [Fact]
    public void Diagnose_LoneCrProgressOutput_CountsEachCrAsLineEnd()
    {
        // Progress bars redraw with a lone \r: each redraw is a line of its own (lines 2-6).
        string log = "Downloading toolchain\n"
            + "  0% [          ]\r 25% [==        ]\r 50% [=====     ]\r 75% [=======   ]\r100% [==========]\r\n"
            + "Unpacking\r"
            + Cause + "\r"
            + "done\r";

        AssertCause(log, expectedLine: 8, expectedText: Cause);
    }

    [Fact]
    public void Diagnose_OnlyLoneCrLineEnds_CauseHasItsLineNumber()
    {
        string log = string.Join("\r", "Run make all", "", "compiling", Cause, "make: *** [all] Error 1", "");

        AssertCause(log, expectedLine: 4, expectedText: Cause);
    }

    [Fact]
    public void Diagnose_GitHubTimestampedLog_CauseHasLineNumberAndTextWithoutTimestamp()
    {
        string[] lines =
        [
            "Current runner version: '2.317.0'",
            "Runner name: 'GitHub Actions 12'",
            "##[group]Run actions/checkout@v4",
            "Syncing repository: o/r",
            "##[endgroup]",
            "##[group]Run make all",
            "make all",
            "##[endgroup]",
            "cc -c src/a.c -o target/a.o",
            Cause,
            "make: *** [Makefile:12: all] Error 1",
            "##[error]Process completed with exit code 2.",
            "Cleaning up orphan processes",
        ];
        var log = new StringBuilder();
        for (int i = 0; i < lines.Length; i++)
        {
            log.Append("2024-05-01T10:00:").Append((i % 60).ToString("00", System.Globalization.CultureInfo.InvariantCulture)).Append(".1234567Z ").Append(lines[i]).Append('\n');
        }

        var job = AssertCause(log.ToString(), expectedLine: 10, expectedText: Cause);

        // GitHub names a step without a name after its command: "Run make all".
        Assert.Equal("Run make all", job.GetProperty("failedStep").GetString());
        Assert.Equal(2, job.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void Diagnose_GitHubTimestampedLogWithCrLf_CauseHasItsLineNumber()
    {
        string log = string.Join("\r\n",
            "2024-05-01T10:00:00.1234567Z ##[group]Run make all",
            "2024-05-01T10:00:00.2234567Z make all",
            "2024-05-01T10:00:00.3234567Z ##[endgroup]",
            "2024-05-01T10:00:01.1234567Z " + Cause,
            "2024-05-01T10:00:01.2234567Z ##[error]Process completed with exit code 2.",
            "");

        AssertCause(log, expectedLine: 4, expectedText: Cause);
    }

    [Fact]
    public void Diagnose_StdinWithLoneCr_CauseHasItsLineNumber()
    {
        byte[] log = Encoding.UTF8.GetBytes("one\rtwo\r\nthree\n" + Cause + "\n");

        var result = CliRunner.Run(log, "diagnose", "-", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var job = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("jobs")[0];
        Assert.Equal("-", job.GetProperty("file").GetString());
        var cause = Assert.Single(CauseEntries(job));
        Assert.Equal(4, cause.GetProperty("line").GetInt64());
        Assert.Equal(Cause, cause.GetProperty("text").GetString());
    }

    private static JsonElement AssertCause(string log, long expectedLine, string expectedText)
    {
        using var dir = new TempDir();
        string path = dir.Write("job.log", log);

        var result = CliRunner.Run("diagnose", path, "--format", "json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var job = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("jobs")[0].Clone();
        Assert.Equal("resource.disk-full", job.GetProperty("rootCause").GetProperty("id").GetString());
        var cause = Assert.Single(CauseEntries(job));
        Assert.Equal(expectedLine, cause.GetProperty("line").GetInt64());
        Assert.Equal(expectedText, cause.GetProperty("text").GetString());
        Assert.Equal("job.log", cause.GetProperty("file").GetString());
        return job;
    }

    private static IEnumerable<JsonElement> CauseEntries(JsonElement job) =>
        job.GetProperty("evidence").EnumerateArray().Where(e => e.GetProperty("role").GetString() == "cause").ToArray();
}
