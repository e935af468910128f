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
    public void Parse_OneLineTail_NoSetUpJob()
    {
        var result = LogTestKit.ReadText("##[error]Process completed with exit code 1.\n");

        Assert.Equal("github", result.Job.Ci);
        Assert.Empty(result.StepNames);
        Assert.Equal(1, result.Job.ExitCode);
        Assert.Equal(RunStatus.Failed, result.Job.Status);
    }

    [Fact]
    public void Parse_PageCopy_RunHeaderBlockIsEchoAndTheStepFails()
    {
        string log = "Run npm test\n"
            + "  npm test\n"
            + "  shell: /usr/bin/bash -e {0}\n"
            + "  env:\n"
            + "    CI: true\n"
            + "  FAIL src/app.test.js\n"
            + "Error: Process completed with exit code 1.\n";

        var result = LogTestKit.ReadText(log);

        Assert.Equal("github", result.Job.Ci);
        Assert.Equal(["Run npm test"], result.StepNames);
        Assert.Equal([LineKind.Marker, LineKind.Echo, LineKind.Echo, LineKind.Echo, LineKind.Echo, LineKind.Content], result.Lines.Take(6).Select(l => l.Kind));
        Assert.Equal("Run npm test", result.FailedStepName);
        Assert.Equal(1, result.Job.ExitCode);
        Assert.Equal(FailureClass.Script, result.Job.FailureClass);
    }

    [Fact]
    public void Parse_PageCopyStartingInsideTheRunHeader_StepNamedFromItsScript()
    {
        string log = "  pytest --cov=.\n"
            + "  shell: /usr/bin/bash -e {0}\n"
            + "collected 30 items\n"
            + "/home/runner/work/_temp/0dbe.sh: line 1:  2930 Killed                  pytest --cov=.\n"
            + "Error: Process completed with exit code 137.\n";

        var result = LogTestKit.ReadText(log);

        Assert.Equal(["Run pytest --cov=."], result.StepNames);
        Assert.Equal(0, result.Lines[0].Step);
        Assert.Equal(LineKind.Echo, result.Lines[0].Kind);
        Assert.Equal(LineKind.Content, result.Lines[2].Kind);
        Assert.Equal(137, result.Job.ExitCode);
    }

    [Fact]
    public void Parse_AzureSections_StepsAndTheFailedOne()
    {
        string log = "##[section]Starting: Initialize job\n"
            + "Agent name: 'Azure Pipelines 54'\n"
            + "##[section]Finishing: Initialize job\n"
            + "##[section]Starting: Run code quality tests\n"
            + "flake8 --format junit-xml\n"
            + "##[error]Bash exited with code '1'.\n"
            + "##[section]Finishing: Run code quality tests\n";

        var result = LogTestKit.ReadText(log);

        Assert.Equal(["Initialize job", "Run code quality tests"], result.StepNames);
        Assert.Equal("Run code quality tests", result.FailedStepName);
        Assert.Equal(1, result.Job.ExitCode);
    }

    [Fact]
    public void Parse_AzureExcerptCutInsideAStep_FinishingNamesTheFailedStep()
    {
        string log = "##[section]Starting: Checkout repo\n"
            + "##[command]git fetch --depth=2 origin\n"
            + "---\n"
            + "tar: Error is not recoverable: exiting now\n"
            + "##[error]Bash exited with code '2'.\n"
            + "##[section]Finishing: Install awscli\n"
            + "##[section]Starting: Checkout repo\n"
            + "##[section]Finishing: Checkout repo\n";

        var result = LogTestKit.ReadText(log, "github");

        Assert.Equal("Install awscli", result.FailedStepName);
        Assert.Equal(2, result.Job.ExitCode);
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
