using CiDoctor.Core.Model;
using static CiDoctor.Core.Tests.Diagnosis.DiagnosisKit;

namespace CiDoctor.Core.Tests.Diagnosis;

/// <summary>
/// Issue 15 part 1: when no catalog mode explains a failed job, its origin (and a kind, where the
/// structure names one) comes from how the CI system reported the end, the exit code, and the
/// failed step's phase; the report says so, and the closing line is evidence.
/// </summary>
public class OriginFromStructureTests
{
    // What gitlab-runner prints before it gives up on the executor (the catalog knows its "Job
    // failed (system failure)" line; this one it does not).
    // Not GitLab's exact wording (the catalog now knows those, e.g. runner.gitlab-preparation-failed): the
    // structure must speak when no mode does, so the closing line here is one no mode matches.
    private const string SystemFailure = "ERROR: the executor gave up while preparing the job environment (exit status 1)";

    // A GitLab trace whose executor preparation failed; no catalog mode knows the message.
    private static readonly string[] GitLabPrepareFailed =
    [
        "Running with gitlab-runner 16.5.0 (853330f9)",
        "  on shared-runner-1 xYzAbC12",
        "section_start:1700000000:prepare_executor\r\u001b[0KPreparing the \"docker+machine\" executor",
        "Using Docker executor with image alpine:3.18 ...",
        "section_end:1700000030:prepare_executor\r\u001b[0K",
        "section_start:1700000030:prepare_script\r\u001b[0KPreparing environment",
        "Running on runner-xyzabc12-project-1-concurrent-0 via machine-1...",
        SystemFailure,
    ];

    // A lone \r ends a line too: each section marker is two lines.
    private static long LastLine => GitLabPrepareFailed.Sum(l => l.Count(c => c == '\r') + 1);

    [Fact]
    public void Diagnose_SystemFailureWhilePreparing_OriginIsTheRunnersWithTheClosingLineAsCause()
    {
        var job = DiagnoseWith(GitLabPrepareFailed, log => log with
        {
            Status = RunStatus.Failed,
            FailedStep = 1,
            FailureLine = LastLine,
            FailureClass = FailureClass.System,
            FailureReport = SystemFailure,
        });

        Assert.Null(job.RootCause);
        Assert.Equal(Origin.Environment, job.Origin);
        Assert.Equal("No catalog mode matched; GitLab reported a system failure while preparing the runner, before the job's script ran, which makes it the runner's, not the code's.", job.OriginReason);
        var first = job.Evidence[0];
        Assert.Equal(EvidenceRole.Cause, first.Role);
        Assert.Equal(SystemFailure, first.Text);
        Assert.Equal(LastLine, first.Line);
    }

    [Fact]
    public void Diagnose_RunnerLost_NamesTheStructuralCause()
    {
        string[] lines = ["$ ./run-tests.sh", "running 120 tests", "test parser ... ok", "Agent heartbeat missed; marking the job as lost"];

        var job = DiagnoseWith(lines, log => log with
        {
            Status = RunStatus.Failed,
            FailureLine = 4,
            FailureClass = FailureClass.RunnerLost,
            FailureReport = lines[3],
        });

        Assert.Equal("structure.runner-lost", job.RootCause?.Id);
        Assert.Equal("runner-lost", job.RootCause?.Kind);
        Assert.Equal(Origin.Environment, job.Origin);
        Assert.StartsWith("No catalog mode matched; the log reported that it lost the runner", job.RootCause?.Explanation, StringComparison.Ordinal);
        Assert.Contains(job.Evidence, e => e.Line == 4 && e.Role == EvidenceRole.Cause);
    }

    [Fact]
    public void Diagnose_RunnerLostAfterAWrapper_TheStructureExplainsTheWrapper()
    {
        // `make: *** … Error 2` only says that a command failed; the CI system says why the job ended.
        string[] lines = ["$ make all", "cc -c main.c", "make: *** [Makefile:12: all] Error 2", "Agent heartbeat missed; marking the job as lost"];

        var job = DiagnoseWith(lines, log => log with
        {
            Status = RunStatus.Failed,
            FailureLine = 4,
            FailureClass = FailureClass.RunnerLost,
            FailureReport = lines[3],
        });

        Assert.Equal("runner-lost", job.RootCause?.Kind);
    }

    [Fact]
    public void Diagnose_ExitCode127WithNoMode_IsAMissingTool()
    {
        string[] lines = ["$ ./scripts/bootstrap.sh", "bootstrapping the toolchain"];

        var job = DiagnoseWith(lines, log => log with { Status = RunStatus.Failed, ExitCode = 127 });

        Assert.Equal(127, job.ExitCode);
        Assert.Equal("structure.exit-127", job.RootCause?.Id);
        Assert.Equal("missing-tool", job.RootCause?.Kind);
        Assert.Equal(Origin.Config, job.Origin);
    }

    [Fact]
    public void Diagnose_ScriptFailedWithNoMode_IsTheCodesAndSaysWhy()
    {
        string[] lines =
        [
            "section_start:1700000000:step_script\r\u001b[0KExecuting \"step_script\" stage of the job script",
            "$ ./deploy.sh",
            "error: the frobnicator returned an unexpected value 42",
            "section_end:1700000010:step_script\r\u001b[0K",
            "ERROR: Job failed: exit code 1",
        ];

        var job = Diagnose(lines, "gitlab");

        Assert.Null(job.RootCause);
        Assert.Equal(Origin.Code, job.Origin);
        Assert.Contains("exit code 1", job.OriginReason, StringComparison.Ordinal);
        Assert.Equal("error: the frobnicator returned an unexpected value 42", job.Evidence[0].Text);
    }

    [Fact]
    public void Diagnose_ExitReportWithNoOtherOutput_ShowsTheClosingLine()
    {
        // The only line that says anything is the CI system's: how the job ended.
        string[] lines = ["$ make tests_all", "[100%] Built target tests_all", "The command \"make tests_all\" exited with 0.", "", "Done. Your build exited with 1."];

        var job = Diagnose(lines, "travis");

        Assert.Equal(Origin.Code, job.Origin);
        Assert.Contains(job.Evidence, e => e.Text == "Done. Your build exited with 1.");
    }

    [Fact]
    public void Diagnose_LogThatSaysNothing_OriginStaysUnknown()
    {
        var job = Diagnose(["checking widgets", "widgets checked"]);

        Assert.Null(job.RootCause);
        Assert.Equal(Origin.Unknown, job.Origin);
        Assert.Null(job.OriginReason);
    }
}
