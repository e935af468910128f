using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Tests.Logs;

public sealed class BuildkiteLogReaderTests
{
    [Fact]
    public void Detect_OtherFormatsFixtures_ReturnsZero() =>
        LogTestKit.AssertIgnoresOtherFormats(new BuildkiteLogReader());

    [Fact]
    public void Detect_GoTestOutputAlone_ReturnsZero() =>
        Assert.Equal(0, new BuildkiteLogReader().Detect(["--- FAIL: TestParse (0.00s)", "FAIL", "+++ b/main.go"]));

    [Fact]
    public void Parse_TimestampEscapes_RemovedAndHeadersAreMarkers()
    {
        string log = "\u001b_bk;t=1717590896000\a~~~ Running commands\n"
            + "\u001b_bk;t=1717590896173\a\u001b[90m$\u001b[0m make test\n"
            + "\u001b_bk;t=1717590896346\a+++ :test_tube: Tests\n";

        var result = LogTestKit.ReadText(log);

        Assert.Equal("buildkite", result.Job.Ci);
        Assert.Equal(["~~~ Running commands", "$ make test", "+++ :test_tube: Tests"], result.Lines.Select(l => l.Text));
        Assert.Equal([LineKind.Marker, LineKind.Content, LineKind.Marker], result.Lines.Select(l => l.Kind));
    }

    [Fact]
    public void Parse_GoTestResultLines_AreNotGroups()
    {
        var result = LogTestKit.ReadCase("buildkite/go-test-failure");

        var fail = result.Line("--- FAIL: TestParseDecimal (0.00s)");
        Assert.Equal(LineKind.Content, fail.Kind);
        Assert.Equal(":test_tube: Running tests", result.Job.Steps[fail.Step].Name);
    }

    [Fact]
    public void Parse_CommandError_FailsTheOpenGroupWithTheStatus()
    {
        var result = LogTestKit.ReadCase("buildkite/go-test-failure");

        var error = result.Line("🚨 Error: The command exited with status 2");
        Assert.Equal(LineKind.Marker, error.Kind);
        Assert.Equal(error.Number, result.Job.FailureLine);
        Assert.Equal(2, result.Job.Steps[4].ExitCode);
        Assert.Equal(LineKind.Marker, result.Line("^^^ +++").Kind);
    }

    [Fact]
    public void Parse_JobPageRows_TableResidueAndTimestampRemoved()
    {
        string log = "  | [2019-11-01T12:11:56Z] ~~~ Preparing working directory\n"
            + "  | [2019-11-01T12:11:57Z] $ git clone -v -- git@github.com:o/r.git .\n"
            + "  | [2019-11-01T12:11:58Z] fatal: not a git repository (or any of the parent directories): .git\n"
            + "  | [2019-11-01T12:11:58Z] 🚨 Error: The command exited with status 128\n";

        var result = LogTestKit.ReadText(log);

        Assert.Equal("buildkite", result.Job.Ci);
        Assert.Equal("fatal: not a git repository (or any of the parent directories): .git", result.Lines[2].Text);
        Assert.Equal("Preparing working directory", result.FailedStepName);
        Assert.Equal(128, result.Job.ExitCode);
    }
}
