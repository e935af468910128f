using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Tests.Logs;

public sealed class TravisLogReaderTests
{
    private const string Clear = "\u001b[0K";

    [Fact]
    public void Detect_OtherFormatsFixtures_ReturnsZero() =>
        LogTestKit.AssertIgnoresOtherFormats(new TravisLogReader());

    [Fact]
    public void Parse_LoneCrFixture_LineNumbersFollowUniversalLineEnds()
    {
        string[] raw = LogTestKit.RawLines("travis/make-test-failure");
        int command = Array.FindIndex(raw, l => l.EndsWith("$ make test", StringComparison.Ordinal));
        int progress = Array.FindIndex(raw, l => l.Contains("47.9%", StringComparison.Ordinal));

        var result = LogTestKit.ReadCase("travis/make-test-failure");

        Assert.Equal(command + 1, result.Line("$ make test").Number);
        Assert.Equal(progress + 1, result.Lines.Single(l => l.Text.Contains("47.9%", StringComparison.Ordinal)).Number);
        Assert.Equal(raw.Length, result.Lines.Count);
    }

    [Fact]
    public void Parse_MarkersAtLineStartAndGlued_RemovedAndMarked()
    {
        string log = $"travis_fold:start:install.npm\r{Clear}travis_time:start:2b3c\r{Clear}$ npm ci \n"
            + "added 312 packages\n"
            + $"npm done travis_time:end:2b3c:start=1,finish=2,duration=1\r{Clear} travis_fold:end:install.npm\r{Clear}\n";

        var result = LogTestKit.ReadText(log, "travis");

        Assert.Equal(
            ["travis_fold:start:install.npm", "travis_time:start:2b3c", "$ npm ci ", "added 312 packages", "npm done", "travis_fold:end:install.npm", ""],
            result.Lines.Select(l => l.Text));
        Assert.Equal(LineKind.Marker, result.Lines[0].Kind);
        Assert.Equal(LineKind.Content, result.Lines[4].Kind);
        Assert.Equal(["install.npm"], result.StepNames);
    }

    [Fact]
    public void Parse_FailedCommand_NamesTheStepAndKeepsItsExitCode()
    {
        var result = LogTestKit.ReadCase("travis/make-test-failure");

        Assert.Equal("make test", result.FailedStepName);
        Assert.Equal(2, result.Job.ExitCode);
        Assert.Equal(0, result.Job.Steps[4].ExitCode);
        Assert.Equal(RunStatus.Passed, result.Job.Steps[4].Status);
        Assert.Equal(LineKind.Marker, result.Line("The command \"make test\" exited with 2.").Kind);
        Assert.Equal(result.Line("The command \"make test\" exited with 2.").Number, result.Job.FailureLine);
    }

    [Fact]
    public void Parse_SetupFailureWithoutCommandReport_UsesTheFooterExitCode()
    {
        var result = LogTestKit.ReadText("travis_fold:start:git.checkout\r\nfatal: repository not found\n\nDone. Your build exited with 1.\n");

        Assert.Equal("travis", result.Job.Ci);
        Assert.Equal(1, result.Job.ExitCode);
        Assert.Equal(RunStatus.Failed, result.Job.Status);
    }

    [Fact]
    public void Parse_MultiLineCommandReport_FailsTheCommandsStepAtItsClosingLine()
    {
        string log = $"travis_time:start:aa\r{Clear}$ ./setup.sh\n"
            + $"ready\ntravis_time:end:aa:start=1,finish=2,duration=1\r{Clear}\n"
            + $"travis_time:start:bb\r{Clear}$ case \"$BUILD\" in\n"
            + "  lint) make lint ;;\n"
            + "esac\n"
            + "lint: 2 problems\n"
            + $"travis_time:end:bb:start=2,finish=3,duration=1\r{Clear}\n"
            + "\u001b[31;1mThe command \"case \"$BUILD\" in\n"
            + "  lint) make lint ;;\n"
            + "esac\n"
            + "\" exited with 2.\u001b[0m\n"
            + "Done. Your build exited with 1.\n";

        var result = LogTestKit.ReadText(log, "travis");

        Assert.Equal(result.Line("\" exited with 2.").Number, result.Job.FailureLine);
        Assert.Equal("case \"$BUILD\" in", result.Job.Steps[result.Job.FailedStep!.Value].Name);
        Assert.Equal(2, result.Job.ExitCode);
        // Travis stops at the first failing setup command: the step before it passed.
        Assert.Equal(RunStatus.Passed, result.Job.Steps[0].Status);
    }

    [Fact]
    public void Parse_PastedTail_DetectedAndTheCommandIsTheStep()
    {
        string log = "  1) adds numbers:\n     AssertionError: expected 3 to equal 4\n\nnpm ERR! Test failed.\n"
            + "The command \"npm test\" exited with 1.\n\nDone. Your build exited with 1.\n";

        var result = LogTestKit.ReadText(log);

        Assert.Equal("travis", result.Job.Ci);
        Assert.Equal(["npm test"], result.StepNames);
        Assert.Equal(0, result.Lines[0].Step);
        Assert.Equal("npm test", result.FailedStepName);
        Assert.Equal(1, result.Job.ExitCode);
    }

    [Fact]
    public void Parse_ErroredInstall_SystemAndTheCommand()
    {
        string log = "E: Unable to locate package libfoo\n"
            + "The command \"sudo apt-get install -y libfoo\" failed and exited with 100 during install.\n"
            + "Your build has been stopped.\n";

        var result = LogTestKit.ReadText(log);

        Assert.Equal("travis", result.Job.Ci);
        Assert.Equal("sudo apt-get install -y libfoo", result.FailedStepName);
        Assert.Equal(100, result.Job.ExitCode);
        Assert.Equal(FailureClass.System, result.Job.FailureClass);
    }
}
