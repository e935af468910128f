using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Tests.Logs;

public sealed class GitLabLogReaderTests
{
    private const string Esc = "\u001b";

    [Fact]
    public void Detect_OtherFormatsFixtures_ReturnsZero() =>
        LogTestKit.AssertIgnoresOtherFormats(new GitLabLogReader());

    [Fact]
    public void Parse_SectionStartWithHeaderAfterCr_MarkerAndHeaderOnTwoLinesOfTheStep()
    {
        string log = $"{Esc}[0KRunning with gitlab-runner 16.11.1 (535ced5f){Esc}[0;m\n"
            + $"section_start:1700000000:step_script\r{Esc}[0K{Esc}[0K{Esc}[36;1mExecuting \"step_script\" stage of the job script{Esc}[0;m{Esc}[0;m\n"
            + $"{Esc}[32;1m$ make test{Esc}[0;m\n"
            + "FAIL\n"
            + $"section_end:1700000009:step_script\r{Esc}[0K\n"
            + $"{Esc}[31;1mERROR: Job failed: exit code 2\n";

        var result = LogTestKit.ReadText(log, "gitlab");

        Assert.Equal(
            [(1L, "Running with gitlab-runner 16.11.1 (535ced5f)", -1, LineKind.Marker),
             (2L, "section_start:1700000000:step_script", 0, LineKind.Marker),
             (3L, "Executing \"step_script\" stage of the job script", 0, LineKind.Marker),
             (4L, "$ make test", 0, LineKind.Content),
             (5L, "FAIL", 0, LineKind.Content),
             (6L, "section_end:1700000009:step_script", 0, LineKind.Marker),
             (7L, "", -1, LineKind.Content),
             (8L, "ERROR: Job failed: exit code 2", -1, LineKind.Marker)],
            result.Lines.Select(l => (l.Number, l.Text, l.Step, l.Kind)));
        Assert.Equal(2, result.Job.ExitCode);
        Assert.Equal(8, result.Job.FailureLine);
    }

    [Fact]
    public void Parse_RunnerTimestampPrefix_RemovedIncludingContinuationFlag()
    {
        string log = "2025-03-02T08:15:30.037000Z 00O " + Esc + "[0KRunning with gitlab-runner 17.9.0 (c4cbe9dd)" + Esc + "[0;m\n"
            + "2025-03-02T08:15:31.000001Z 01E go: downloading example.com/x v1.0.0\n"
            + "2025-03-02T08:15:31.000002Z 01O+continued without a new line\n";

        var result = LogTestKit.ReadText(log);

        Assert.Equal("gitlab", result.Job.Ci);
        Assert.Equal(
            ["Running with gitlab-runner 17.9.0 (c4cbe9dd)", "go: downloading example.com/x v1.0.0", "continued without a new line"],
            result.Lines.Select(l => l.Text));
    }

    [Fact]
    public void Parse_NestedUserSection_StaysInsideTheScriptStep()
    {
        string log = "section_start:1:step_script\r" + Esc + "[0KExecuting \"step_script\" stage of the job script\n"
            + "section_start:2:unit_tests[collapsed=true]\r" + Esc + "[0KUnit tests\n"
            + "ok\n"
            + "section_end:3:unit_tests\r" + Esc + "[0K\n"
            + "after the nested section\n"
            + "section_end:4:step_script\r" + Esc + "[0K\n";

        var result = LogTestKit.ReadText(log, "gitlab");

        Assert.Equal(["step_script"], result.StepNames);
        Assert.Equal(0, result.Line("after the nested section").Step);
    }

    [Fact]
    public void Parse_SystemFailure_FailsTheLastSectionWithoutExitCode()
    {
        string log = "Running with gitlab-runner 16.11.1 (535ced5f)\n"
            + "section_start:1:prepare_executor\r" + Esc + "[0KPreparing the \"kubernetes\" executor\n"
            + "section_end:2:prepare_executor\r" + Esc + "[0K\n"
            + "ERROR: Job failed (system failure): pods is forbidden: User \"system:serviceaccount:gitlab:default\" cannot create resource \"pods\"\n";

        var result = LogTestKit.ReadText(log);

        Assert.Equal("prepare_executor", result.FailedStepName);
        Assert.Null(result.Job.ExitCode);
        Assert.Equal(RunStatus.Failed, result.Job.Status);
    }

    [Fact]
    public void Parse_JobSucceeded_Passed()
    {
        var result = LogTestKit.ReadText("Running with gitlab-runner 16.11.1 (535ced5f)\nsection_start:1:step_script\r\nok\nsection_end:2:step_script\r\nJob succeeded\n");

        Assert.Equal(RunStatus.Passed, result.Job.Status);
        Assert.Null(result.Job.FailedStep);
    }

    [Fact]
    public void Parse_CorpusFixture_StepsAreTheRunnerSections()
    {
        var result = LogTestKit.ReadCase("gitlab/npm-test-failure");

        Assert.Equal(
            ["prepare_executor", "prepare_script", "get_sources", "restore_cache", "step_script", "after_script", "upload_artifacts_on_failure", "cleanup_file_variables"],
            result.StepNames);
        Assert.Equal(RunStatus.Failed, result.Job.Steps[4].Status);
        Assert.Equal(RunStatus.Unknown, result.Job.Steps[5].Status);
        Assert.Equal(LineKind.Marker, result.Line("Preparing environment").Kind);
        Assert.Equal(LineKind.Content, result.Line("Tests:       1 failed, 41 passed, 42 total").Kind);
    }

    [Fact]
    public void Parse_JobPageCopy_StageTitlesAreStepsAndTheScriptStageFails()
    {
        string log = "Running with gitlab-runner 16.3.0 (2b6048b4)\n"
            + "Preparing the \"docker+machine\" executor 00:05\n"
            + "Using Docker executor with image node:20 ...\n"
            + "Getting source from Git repository\n"
            + "00:02\n"
            + "Fetching changes with git depth set to 20...\n"
            + "Executing \"step_script\" stage of the job script 00:31\n"
            + "$ npm test\n"
            + "Cleaning up project directory and file based variables 00:01\n"
            + "ERROR: Job failed: exit code 1\n";

        var result = LogTestKit.ReadText(log);

        Assert.Equal("gitlab", result.Job.Ci);
        Assert.Equal(
            ["Preparing the \"docker+machine\" executor", "Getting source from Git repository", "Executing \"step_script\" stage of the job script", "Cleaning up project directory and file based variables"],
            result.StepNames);
        Assert.Equal("Executing \"step_script\" stage of the job script", result.FailedStepName);
        Assert.Equal(1, result.Job.ExitCode);
        Assert.Equal(FailureClass.Script, result.Job.FailureClass);
    }

    [Fact]
    public void Parse_TitleInRawTrace_NotAStep()
    {
        string log = "section_start:1700000000:get_sources\r\u001b[0KGetting source from Git repository\n"
            + "Restoring cache\n"
            + "section_end:1700000001:get_sources\r\u001b[0K\n";

        var result = LogTestKit.ReadText(log, "gitlab");

        Assert.Equal(["get_sources"], result.StepNames);
    }

    [Fact]
    public void Parse_TimeoutTail_TheStageTheWarningNames()
    {
        string log = "Terminated\n"
            + "WARNING: step_script could not run to completion because the timeout was exceeded. For more control over job and script timeouts see: https://docs.gitlab.com/ee/ci/runners/configure_runners.html#set-script-and-after_script-timeouts\n"
            + "ERROR: Job failed: execution took longer than 30s seconds\n";

        var result = LogTestKit.ReadText(log);

        Assert.Equal("gitlab", result.Job.Ci);
        Assert.Equal("step_script", result.FailedStepName);
        Assert.Equal(FailureClass.Timeout, result.Job.FailureClass);
        Assert.Equal(3, result.Job.FailureLine);
    }

    [Fact]
    public void Parse_SystemFailureTail_System()
    {
        var result = LogTestKit.ReadText("ERROR: Job failed (system failure): Cannot connect to the Docker daemon at tcp://10.0.48.102:2376. Is the docker daemon running?\n");

        Assert.Equal("gitlab", result.Job.Ci);
        Assert.Equal(FailureClass.System, result.Job.FailureClass);
        Assert.Null(result.Job.ExitCode);
    }
}
