using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Tests.Logs;

/// <summary>
/// The closing lines of every CI system (tests/corpus/real/CLOSING-LINES.md), each read from a
/// log of unknown format, as a pasted tail is: the job's exit code, how it ended, the line that
/// said so, and the failed step when the line names one.
/// </summary>
public sealed class ClosingLinesTests
{
    [Theory]
    // GitLab: common/build.go, executors/docker, executors/kubernetes, shell executor.
    [InlineData("ERROR: Job failed: exit code 1", 1, FailureClass.Script)]
    [InlineData("ERROR: Job failed: command terminated with exit code 2", 2, FailureClass.Script)]
    [InlineData("ERROR: Job failed: exit status 1", 1, FailureClass.Script)]
    [InlineData("ERROR: Job failed: execution took longer than 1h0m0s seconds", null, FailureClass.Timeout)]
    [InlineData("ERROR: Job failed (system failure): prepare environment: exit status 1. Check https://docs.gitlab.com/runner/shells/index.html#shell-profile-loading for more information", null, FailureClass.System)]
    [InlineData("ERROR: Job failed: failed to pull image \"deployphp/deployer:7\" with specified policies [always]", null, FailureClass.None)]
    [InlineData("ERROR: Preparation failed: Error: No such image: docker:18.03.1-ce (docker.go:138:0s)", null, FailureClass.System)]
    // GitHub Actions: ScriptHandler.cs (raw and job page), toolkit exec, StepsRunner.cs, JobRunner.cs, the service.
    [InlineData("##[error]Process completed with exit code 1.", 1, FailureClass.Script)]
    [InlineData("Error: Process completed with exit code 137.", 137, FailureClass.Script)]
    [InlineData("Process completed with exit code 2.", 2, FailureClass.Script)]
    [InlineData("Error: The process '/usr/bin/git' failed with exit code 128", 128, FailureClass.Script)]
    [InlineData("##[error]The action 'Run tests' has timed out after 10 minutes.", null, FailureClass.Timeout)]
    [InlineData("The runner has received a shutdown signal. This can happen when the runner service is stopped, or a manually started runner is canceled.", null, FailureClass.RunnerLost)]
    [InlineData("The hosted runner: GitHub Actions 339 lost communication with the server. Verify the machine is running and has a healthy network connection.", null, FailureClass.RunnerLost)]
    [InlineData("The job running on runner GitHub Actions 12 has exceeded the maximum execution time of 360 minutes.", null, FailureClass.Timeout)]
    [InlineData("Error: Unable to resolve action `actions/chekout@v4`, repository not found", null, FailureClass.Config)]
    // Jenkins: DurableTaskStep.java, AbstractBuild.java, Messages.properties, BourneShellScript.java, TimeoutStepExecution.java.
    [InlineData("ERROR: script returned exit code -1", -1, FailureClass.Script)]
    [InlineData("Agent went offline during the build", null, FailureClass.RunnerLost)]
    [InlineData("ERROR: Connection was broken: java.io.IOException: Unexpected termination of the channel", null, FailureClass.RunnerLost)]
    [InlineData("wrapper script does not seem to be touching the log file in /var/lib/jenkins/workspace/app@tmp/durable-efd473d5", null, FailureClass.RunnerLost)]
    [InlineData("Cancelling nested steps due to timeout", null, FailureClass.Timeout)]
    // Buildkite: internal/job/executor.go.
    [InlineData("🚨 Error: The command exited with status 2", 2, FailureClass.Script)]
    [InlineData("🚨 Error: The global pre-exit hook exited with status 1", 1, FailureClass.Script)]
    [InlineData("user command error: exit status 1", 1, FailureClass.Script)]
    // Travis CI: travis_result.bash, travis_assert.bash, travis_footer.bash, worker step_run_script.go.
    [InlineData("Done. Your build exited with 1.", 1, FailureClass.Script)]
    [InlineData("No output has been received in the last 10m0s, this potentially indicates a stalled build or something wrong with the build itself.", null, FailureClass.Timeout)]
    [InlineData("The job exceeded the maximum time limit for jobs, and has been terminated.", null, FailureClass.Timeout)]
    // CircleCI: observed.
    [InlineData("Exited with code exit status 137", 137, FailureClass.Script)]
    [InlineData("Exited with code 1", 1, FailureClass.Script)]
    [InlineData("CircleCI received exit code 137", 137, FailureClass.Script)]
    [InlineData("Too long with no output (exceeded 10m0s): context deadline exceeded", null, FailureClass.Timeout)]
    // Azure Pipelines: BashV3 task.json, the agent's strings.json, the service.
    [InlineData("##[error]Bash exited with code '1'.", 1, FailureClass.Script)]
    [InlineData("Process 'msbuild.exe' exited with code   '1'.", 1, FailureClass.Script)]
    [InlineData("##[error]Exit code 1 returned from process: file name '/usr/bin/docker', arguments 'build .'.", 1, FailureClass.Script)]
    [InlineData("##[error]The task has timed out.", null, FailureClass.Timeout)]
    [InlineData("We stopped hearing from agent Hosted Agent. Verify the agent machine is running and has a healthy network connection.", null, FailureClass.RunnerLost)]
    [InlineData("The agent: Hosted macOS High Sierra 5 lost communication with the server.", null, FailureClass.RunnerLost)]
    [InlineData("##[error]The job running on agent Hosted Agent ran longer than the maximum time of 60 minutes.", null, FailureClass.Timeout)]
    // Forgejo/Gitea Actions and act: docker_run.go, reporter.go.
    [InlineData("exitcode '1': failure", 1, FailureClass.Script)]
    [InlineData("exitcode '127': command not found, please refer to https://github.com/nektos/act/issues/107 for more information", 127, FailureClass.Script)]
    [InlineData("The runner cancelled the job because it exceeds the maximum run time", null, FailureClass.Timeout)]
    // Nix: derivation-goal.cc (< 2.29, and 1.x quoting), derivation-building-goal.cc (>= 2.29).
    [InlineData("error: builder for '/nix/store/8bldlzpsw8yyw6wmk2a3s3l9x8m3zyi1-typst-lsp-0.9.2.drv' failed with exit code 101;", 101, FailureClass.Script)]
    [InlineData("machine# builder for ‘/nix/store/by5si5whqjhpdvph061d3pkvzz05x4qx-curl-7.47.1.tar.bz2.drv’ failed with exit code 1", 1, FailureClass.Script)]
    [InlineData("       Reason: builder failed with exit code 1.", 1, FailureClass.Script)]
    public void Read_ClosingLine_GivesExitCodeAndHowTheJobEnded(string line, int? exit, FailureClass ended)
    {
        var result = LogTestKit.ReadText("some output\n" + line + "\n", "plain");

        Assert.Equal(exit, result.Job.ExitCode);
        Assert.Equal(ended, result.Job.FailureClass);
        Assert.Equal(RunStatus.Failed, result.Job.Status);
        Assert.Equal(line.Trim(), result.Job.FailureReport);
    }

    [Theory]
    [InlineData("ERROR: Job failed: canceled")]
    [InlineData("##[error]The operation was canceled.")]
    [InlineData("Finished: ABORTED")]
    [InlineData("# Received cancellation signal, interrupting")]
    [InlineData("##[error]The Operation will be canceled. The next steps may not contain expected logs.")]
    public void Read_CancelLine_Cancelled(string line)
    {
        var result = LogTestKit.ReadText("some output\n" + line + "\n", "plain");

        Assert.Equal(RunStatus.Cancelled, result.Job.Status);
        Assert.Equal(FailureClass.Cancelled, result.Job.FailureClass);
    }

    [Theory]
    // Tools, not the CI system: Go's os/exec (Woodpecker's plugin-git, Drone plugins), yarn.
    [InlineData("exit status 128", 128)]
    [InlineData("time=\"2018-01-17T08:54:08Z\" level=fatal msg=\"exit status 1\"", 1)]
    [InlineData("➤ YN0000: [@commercetools-website/frontend-studio]: Process exited (exit code 137), completed in 2m 24s", 137)]
    public void Read_ToolExitLine_ExitCodeOnly(string line, int exit)
    {
        var result = LogTestKit.ReadText("some output\n" + line + "\n", "plain");

        Assert.Equal(exit, result.Job.ExitCode);
        Assert.Equal(FailureClass.None, result.Job.FailureClass);
        Assert.Null(result.Job.FailureReport);
        Assert.Equal(RunStatus.Unknown, result.Job.Status);
    }

    [Theory]
    [InlineData("The command \"npm test\" exited with 1.", "npm test", 1, FailureClass.Script)]
    [InlineData("The command \"sudo apt-get install -y libfoo\" failed and exited with 100 during install.", "sudo apt-get install -y libfoo", 100, FailureClass.System)]
    [InlineData("Build step 'Execute shell' marked build as failure", "Execute shell", null, FailureClass.Script)]
    [InlineData("WARNING: step_script could not run to completion because the timeout was exceeded. For more control over job and script timeouts see: https://docs.gitlab.com/ee/ci/runners/configure_runners.html#set-script-and-after_script-timeouts", "step_script", null, FailureClass.Timeout)]
    [InlineData("ERROR: Job failed: prepare environment: exit code 255. Check https://docs.gitlab.com/runner/shells/index.html#shell-profile-loading for more information", "Preparing environment", 255, FailureClass.Script)]
    [InlineData("  Process exited with code 255 (Step: Unity)", "Unity", 255, FailureClass.Script)]
    public void Read_TailWhoseClosingLineNamesTheStep_TheTailIsThatStep(string line, string step, int? exit, FailureClass ended)
    {
        var result = LogTestKit.ReadText("first output\nsecond output\n" + line + "\n", "plain");

        Assert.Equal([step], result.StepNames);
        Assert.Equal(step, result.FailedStepName);
        Assert.Equal(1, result.Job.Steps[0].FirstLine);
        Assert.All(result.Lines, l => Assert.Equal(0, l.Step));
        Assert.Equal(exit, result.Job.ExitCode);
        Assert.Equal(ended, result.Job.FailureClass);
    }

    [Fact]
    public void Read_TravisCommandThatPassed_NoFailure()
    {
        var result = LogTestKit.ReadText("ok\nThe command \"npm test\" exited with 0.\n", "plain");

        Assert.Equal(RunStatus.Unknown, result.Job.Status);
        Assert.Null(result.Job.ExitCode);
        Assert.Empty(result.StepNames);
    }

    [Fact]
    public void Read_RunnerLostThenExitThenCancel_RunnerLostWithTheExitCode()
    {
        string log = "The runner has received a shutdown signal. This can happen when the runner service is stopped, or a manually started runner is canceled.\n"
            + "Process completed with exit code 137.\n"
            + "The operation was canceled.\n";

        var result = LogTestKit.ReadText(log, "plain");

        Assert.Equal(FailureClass.RunnerLost, result.Job.FailureClass);
        Assert.StartsWith("The runner has received a shutdown signal", result.Job.FailureReport, StringComparison.Ordinal);
        Assert.Equal(137, result.Job.ExitCode);
        Assert.Equal(RunStatus.Failed, result.Job.Status);
    }

    [Fact]
    public void Read_TimeLimitThenCancel_Timeout()
    {
        string log = "##[error]The job running on runner GitHub Actions 2 has exceeded the maximum execution time of 360 minutes.\n"
            + "##[error]The operation was canceled.\n";

        var result = LogTestKit.ReadText(log, "plain");

        Assert.Equal(FailureClass.Timeout, result.Job.FailureClass);
    }

    [Fact]
    public void Read_ExitThenCancel_Cancelled()
    {
        var result = LogTestKit.ReadText("Process completed with exit code 143.\nThe operation was canceled.\n", "plain");

        Assert.Equal(FailureClass.Cancelled, result.Job.FailureClass);
        Assert.Equal(143, result.Job.ExitCode);
    }

    [Fact]
    public void Read_RunnerExitBeatsToolExit_FirstRunnerExitIsTheJobs()
    {
        string log = "error Command failed with exit code 137.\n"
            + "Error: Process completed with exit code 1.\n"
            + "Error: Process completed with exit code 2.\n"
            + "exit status 3\n";

        var result = LogTestKit.ReadText(log, "plain");

        Assert.Equal(1, result.Job.ExitCode);
    }

    [Fact]
    public void Read_SecretInClosingLine_ReportMasked()
    {
        var result = LogTestKit.ReadText("ERROR: Job failed: exit code 1 token=glpat-abcdefghijklmnopqrst\n", "plain");

        Assert.DoesNotContain("glpat-abcdefghijklmnopqrst", result.Job.FailureReport, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RetriedPreparationThenSuccess_EndedWithoutFailure()
    {
        string log = "Running with gitlab-runner 14.0.1 (c1edb478)\n"
            + "ERROR: Preparation failed: exit status 2\n"
            + "Will be retried in 3s ...\n"
            + "Job succeeded\n";

        var result = LogTestKit.ReadText(log, "gitlab");

        Assert.Equal(RunStatus.Passed, result.Job.Status);
        Assert.Equal(FailureClass.None, result.Job.FailureClass);
        Assert.Null(result.Job.FailureReport);
    }

    [Fact]
    public void Read_EchoedScript_NotAClosingLine()
    {
        string log = "##[group]Run echo \"Process completed with exit code 9.\"\n"
            + "echo \"Process completed with exit code 9.\"\n"
            + "##[endgroup]\n";

        var result = LogTestKit.ReadText(log, "github");

        Assert.Null(result.Job.ExitCode);
    }

    [Theory]
    [InlineData("github")]
    [InlineData("gitlab")]
    [InlineData("forgejo")]
    [InlineData("jenkins")]
    [InlineData("travis")]
    [InlineData("buildkite")]
    [InlineData("drone")]
    [InlineData("nix")]
    [InlineData("plain")]
    public void Read_AnyReader_KnowsEveryCiSystemsClosingLines(string ci)
    {
        var result = LogTestKit.ReadText("compiling\nCircleCI received exit code 3\n", ci);

        Assert.Equal(3, result.Job.ExitCode);
        Assert.Equal(FailureClass.Script, result.Job.FailureClass);
        Assert.Equal(RunStatus.Failed, result.Job.Status);
    }

    [Fact]
    public void Markers_EveryReader_HoldEveryClosingLiteral()
    {
        foreach (var reader in LogReaders.All)
        {
            var markers = reader.CreateParser().Markers;

            Assert.NotNull(markers);
            Assert.All(ClosingLines.Literals, literal => Assert.Contains(literal, markers));
        }
    }

    [Fact]
    public void Literals_EveryEntry_IsAsciiAndInEveryLineItMatches()
    {
        foreach (var entry in ClosingLines.All)
        {
            Assert.True(entry.Literal.Length >= 2 && System.Text.Ascii.IsValid(entry.Literal), entry.Literal);
            Assert.Contains(entry.Literal, entry.Pattern.ToString().Replace("\\", "", StringComparison.Ordinal).Replace("\"\"", "\"", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }
}
