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
}
