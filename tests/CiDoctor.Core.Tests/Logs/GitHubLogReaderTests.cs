using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Tests.Logs;

public sealed class GitHubLogReaderTests
{
    [Fact]
    public void Detect_OtherFormatsFixtures_ReturnsZero() =>
        LogTestKit.AssertIgnoresOtherFormats(new GitHubLogReader());

    [Fact]
    public void Parse_Fixture_TimestampsAndAnsiRemoved()
    {
        var result = LogTestKit.ReadCase("github/npm-test-failure");

        Assert.Equal("Current runner version: '2.328.0'", result.Lines[0].Text);
        Assert.Contains(result.Lines, l => l.Text == "Tests:       1 failed, 41 passed, 42 total");
    }

    [Fact]
    public void Parse_Fixture_GroupsAndExitReportAreMarkers()
    {
        var result = LogTestKit.ReadCase("github/npm-test-failure");

        var exit = result.Line("##[error]Process completed with exit code 1.");
        Assert.Equal(LineKind.Marker, exit.Kind);
        Assert.Equal(exit.Number, result.Job.FailureLine);
        Assert.Equal(LineKind.Marker, result.Line("##[group]Run npm test").Kind);
        Assert.Equal(
            ["Set up job", "Run actions/checkout@v4", "Run actions/setup-node@v4", "Run npm ci", "Run npm test", "Post job cleanup", "Complete job"],
            result.StepNames);
    }

    [Fact]
    public void Parse_RunHeader_EchoesTheScriptAndEndsAtEndgroup()
    {
        string log = "##[group]Run make test\n"
            + "make test\n"
            + "shell: /usr/bin/bash -e {0}\n"
            + "##[endgroup]\n"
            + "ok 1 parses\n"
            + "##[error]Process completed with exit code 2.\n";

        var result = LogTestKit.ReadText(log, "github");

        Assert.Equal(LineKind.Echo, result.Lines[1].Kind);
        Assert.Equal(LineKind.Echo, result.Lines[2].Kind);
        Assert.Equal(LineKind.Content, result.Line("ok 1 parses").Kind);
    }

    [Fact]
    public void Issue14_RunHeaderNeverClosed_EchoEndsWithTheStep()
    {
        // A cut log: no "##[endgroup]" before the exit report. What comes after the step is output.
        string log = "##[group]Run make test\n"
            + "make test\n"
            + "main.c:12:5: error: 'frobnicate' undeclared\n"
            + "##[error]Process completed with exit code 2.\n"
            + "Post job cleanup.\n"
            + "Cleaning the workspace\n";

        var result = LogTestKit.ReadText(log, "github");

        Assert.Equal(LineKind.Echo, result.Line("main.c:12:5: error: 'frobnicate' undeclared").Kind);
        Assert.Equal(LineKind.Content, result.Line("Cleaning the workspace").Kind);
    }
}
