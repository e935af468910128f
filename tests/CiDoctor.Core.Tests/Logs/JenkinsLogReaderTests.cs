using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Tests.Logs;

public sealed class JenkinsLogReaderTests
{
    private const string Note = "\u001b[8mha:////4HbIcTe0JGmCKnP5Jm3e5JrwNHcgEfqLz1+Wz6I2UcqAAAAlx+LCAAAAAAAAP9b85aBtbiIQTGjNKU4P08vOT+vOD8nVc83PyU1x6OyILUoJzMv2y+/JJUBAhiZGBgqihhk0NSjKDWzXb3RdlLBUSYGJk8GtpzUvPSSDB8G5tKinBIGIZ+sxLJE/ZzEvHT94JKizLx0a6BxUmjGOUNxZ3Q5aEeF/q6ZAQDgFBYyZAAAAA==\u001b[0m";

    [Fact]
    public void Detect_OtherFormatsFixtures_ReturnsZero() =>
        LogTestKit.AssertIgnoresOtherFormats(new JenkinsLogReader());

    [Fact]
    public void Parse_ConsoleNotes_RemovedFromText()
    {
        string log = $"Started by user {Note}Alice Admin\n{Note}[Pipeline] Start of Pipeline\n";

        var result = LogTestKit.ReadText(log, "jenkins");

        Assert.Equal(["Started by user Alice Admin", "[Pipeline] Start of Pipeline"], result.Lines.Select(l => l.Text));
        Assert.Equal(LineKind.Marker, result.Lines[1].Kind);
    }

    [Fact]
    public void Parse_TimestamperPrefixes_Removed()
    {
        string iso = "[2025-10-14T09:12:03.211Z] " + Note + "[Pipeline] sh\n[2025-10-14T09:12:03.422Z] + make test\n";
        string clock = "09:12:03 Started by user Alice\n09:12:04 + make test\n";

        Assert.Equal(["[Pipeline] sh", "+ make test"], LogTestKit.ReadText(iso, "jenkins").Lines.Select(l => l.Text));
        Assert.Equal(["Started by user Alice", "+ make test"], LogTestKit.ReadText(clock, "jenkins").Lines.Select(l => l.Text));
    }

    [Fact]
    public void Parse_ClockTimeInContentOfUnstampedLog_Kept()
    {
        var result = LogTestKit.ReadText("Started by user Alice\n12:00:01 backup started\n", "jenkins");

        Assert.Equal("12:00:01 backup started", result.Lines[1].Text);
    }

    [Fact]
    public void Parse_PipelineFixture_FailedStageIsTheLastThatRanBeforeTheSkippedOne()
    {
        var result = LogTestKit.ReadCase("jenkins/pipeline-go-test");

        Assert.Equal(["Declarative: Checkout SCM", "Build", "Test", "Deploy", "Declarative: Post Actions"], result.StepNames);
        Assert.Equal(RunStatus.Skipped, result.Job.Steps[3].Status);
        Assert.Equal("Test", result.FailedStepName);
        var error = result.Line("ERROR: script returned exit code 1");
        Assert.Equal(LineKind.Marker, error.Kind);
        Assert.Equal(error.Number, result.Job.FailureLine);
    }

    [Fact]
    public void Parse_CrLfFixture_LineNumbersAreTheFileLines()
    {
        string[] fileLines = File.ReadAllText(LogTestKit.LogPath("jenkins/freestyle-windows-crlf")).Split("\r\n");
        int failureIndex = Array.IndexOf(fileLines, "Build step 'Execute Windows batch command' marked build as failure");

        var result = LogTestKit.ReadCase("jenkins/freestyle-windows-crlf");

        var failure = result.Line("Build step 'Execute Windows batch command' marked build as failure");
        Assert.Equal(failureIndex + 1, failure.Number);
        Assert.Equal(LineKind.Marker, failure.Kind);
        Assert.Equal(1, result.Job.ExitCode);
        Assert.Equal(fileLines.Length - 1, result.Job.LineCount);
    }

    [Fact]
    public void Parse_FreestyleShell_FinishedSuccessPassed()
    {
        string log = "Started by user Alice\n[job] $ /bin/sh -xe /tmp/jenkins123.sh\n+ make\nFinished: SUCCESS\n";

        var result = LogTestKit.ReadText(log);

        Assert.Equal("jenkins", result.Job.Ci);
        Assert.Equal(["Execute shell"], result.StepNames);
        Assert.Equal(RunStatus.Passed, result.Job.Status);
    }

    [Fact]
    public void Parse_FinishedAborted_Cancelled()
    {
        var result = LogTestKit.ReadText("Started by user Alice\n[Pipeline] stage\n[Pipeline] { (Build)\nFinished: ABORTED\n", "jenkins");

        Assert.Equal(RunStatus.Cancelled, result.Job.Status);
    }
}
