using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Tests.Logs;

public sealed class DroneLogReaderTests
{
    [Fact]
    public void Detect_OtherFormatsFixtures_ReturnsZero() =>
        LogTestKit.AssertIgnoresOtherFormats(new DroneLogReader());

    [Fact]
    public void Detect_CommandEchoesWithoutDroneSignals_ReturnsZero() =>
        Assert.Equal(0, new DroneLogReader().Detect(["+ make test", "ok", "+ make lint"]));

    [Fact]
    public void Read_ExplicitCi_OneStepNamedAfterTheFile()
    {
        var result = LogTestKit.ReadText("+ make test\nFAIL\n", "drone", "build-42/test.log");

        Assert.Equal("drone", result.Job.Ci);
        Assert.Equal(["test"], result.StepNames);
        Assert.All(result.Lines, l => Assert.Equal(0, l.Step));
        Assert.Equal(RunStatus.Unknown, result.Job.Status);
        Assert.Null(result.Job.ExitCode);
    }

    [Fact]
    public void Read_Stdin_StepNamedLog()
    {
        var result = LogTestKit.ReadText("+ make test\n", "drone", "-");

        Assert.Equal(["log"], result.StepNames);
    }

    [Fact]
    public void Read_Fixture_TextUnchanged()
    {
        var result = LogTestKit.ReadCase("drone/pytest-step");

        Assert.Equal("+ echo \"testing $DRONE_COMMIT_SHA on $DRONE_BRANCH\"", result.Lines[7].Text);
        Assert.All(result.Lines, l => Assert.Equal(LineKind.Content, l.Kind));
    }

    [Fact]
    public void Detect_StepPageCopy_ElapsedTimeAndLineNumberRhythm()
    {
        string log = "Successfully built 1ae0f930f7ee\n23s\n98\n+ /usr/local/bin/docker push registry:5000/app:latest\n23s\n99\n"
            + "unauthorized: authentication required\n23s\n100\ntime=\"2018-01-17T08:54:08Z\" level=fatal msg=\"exit status 1\"\n";

        var result = LogTestKit.ReadText(log, name: "push.log");

        Assert.Equal("drone", result.Job.Ci);
        Assert.Equal(["push"], result.StepNames);
        Assert.Equal(1, result.Job.ExitCode);
    }

    [Fact]
    public void Detect_WoodpeckerWorkspace_Drone() =>
        Assert.Equal(25, new DroneLogReader().Detect(["+ git init -b main", "Initialized empty Git repository in /woodpecker/src/github.com/o/r/.git/"]));
}
