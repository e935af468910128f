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
}
