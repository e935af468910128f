using CiDoctor.Core.Model;

namespace CiDoctor.Core.Tests.Logs;

public sealed class PlainLogReaderTests
{
    [Fact]
    public void Parse_CircleCiRunStep_NamedAfterItsCommand()
    {
        string log = "#!/bin/bash -eo pipefail\n"
            + "docker version\n"
            + "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n"
            + "Exited with code exit status 1\n"
            + "CircleCI received exit code 1\n";

        var result = LogTestKit.ReadText(log);

        Assert.Equal("plain", result.Job.Ci);
        Assert.Equal(["docker version"], result.StepNames);
        Assert.Equal(LineKind.Echo, result.Lines[1].Kind);
        Assert.Equal("docker version", result.FailedStepName);
        Assert.Equal(1, result.Job.ExitCode);
        Assert.Equal(FailureClass.Script, result.Job.FailureClass);
        // The order of a pasted excerpt is not the job's: the report is no line to measure the failure from.
        Assert.Null(result.Job.FailureLine);
    }

    [Fact]
    public void Parse_CircleCiLocalBuild_HeadersAreSteps()
    {
        string log = "====>> Spin up Environment\n"
            + "Build-agent version 1.0.8563-43047892 (2019-03-06T15:11:54+0000)\n"
            + "====>> Checkout code\n"
            + "  #!/bin/bash -eo pipefail\n"
            + "mkdir -p /root/project && cd /tmp/_circleci_local_build_repo && git ls-files -z\n"
            + "/bin/bash: git: command not found\n";

        var result = LogTestKit.ReadText(log);

        Assert.Equal(["Spin up Environment", "Checkout code"], result.StepNames);
        Assert.Equal(1, result.Line("/bin/bash: git: command not found").Step);
    }

    [Fact]
    public void Parse_NoShapeAtAll_NoSteps()
    {
        var result = LogTestKit.ReadText("hello\nworld\n");

        Assert.Empty(result.StepNames);
        Assert.Equal(RunStatus.Unknown, result.Job.Status);
        Assert.Equal(FailureClass.None, result.Job.FailureClass);
    }
}
