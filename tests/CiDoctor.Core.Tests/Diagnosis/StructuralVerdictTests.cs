using CiDoctor.Core.Diagnosis;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Tests.Diagnosis;

/// <summary>
/// The structure of a failed job (the CI system's failure class, the exit code, the failed
/// step's phase) gives an origin, and a kind where it names the mechanism.
/// </summary>
public class StructuralVerdictTests
{
    private static StructuralVerdict? Of(FailureClass cls = FailureClass.None, int? exit = null, string? step = null, string ci = "gitlab",
        bool failed = true, bool reported = true, bool errors = true) =>
        StructuralVerdict.Of(new StructuralVerdict.Facts(ci, cls, exit, JobPhases.Of(step), failed, reported, errors));

    [Fact]
    public void Of_SystemFailureWhilePreparing_IsTheRunnersWithNoKind()
    {
        var verdict = Of(FailureClass.System, step: "prepare_executor")!;

        Assert.Equal(Origin.Environment, verdict.Origin);
        Assert.Null(verdict.Kind);
        Assert.Equal(JobPhase.Runner, verdict.Phase);
        Assert.Equal("GitLab reported a system failure while preparing the runner, before the job's script ran, which makes it the runner's, not the code's.", verdict.Explanation);
        Assert.False(verdict.Default);
    }

    [Theory]
    [InlineData(FailureClass.RunnerLost, "runner-lost", Origin.Environment)]
    [InlineData(FailureClass.Timeout, "timeout", Origin.Config)]
    [InlineData(FailureClass.Config, "workflow-config", Origin.Config)]
    public void Of_ClassThatNamesAMechanism_GivesItsKind(FailureClass cls, string kind, Origin origin)
    {
        var verdict = Of(cls, exit: 1, step: "step_script")!;

        Assert.Equal(kind, verdict.Kind);
        Assert.Equal(origin, verdict.Origin);
        Assert.StartsWith("structure.", verdict.Id, StringComparison.Ordinal);
        Assert.NotEmpty(verdict.Actions);
    }

    [Fact]
    public void Of_Cancelled_IsNobodysFailureWithNoKind()
    {
        var verdict = Of(FailureClass.Cancelled)!;

        Assert.Null(verdict.Kind);
        Assert.Equal(Origin.Config, verdict.Origin);
        Assert.Contains("cancelled", verdict.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(127, "missing-tool", Origin.Config)]
    [InlineData(137, "oom", Origin.Environment)]
    [InlineData(124, "timeout", Origin.Config)]
    [InlineData(-1, "runner-lost", Origin.Environment)]
    [InlineData(139, null, Origin.Code)]
    [InlineData(143, null, Origin.Environment)]
    [InlineData(255, null, Origin.Environment)]
    [InlineData(126, null, Origin.Code)]
    [InlineData(125, null, Origin.Environment)]
    public void Of_ExitCodeWithAMeaning_GivesItsOriginAndKind(int code, string? kind, Origin origin)
    {
        var verdict = Of(FailureClass.Script, exit: code, step: "step_script")!;

        Assert.Equal(kind, verdict.Kind);
        Assert.Equal(origin, verdict.Origin);
        Assert.Contains($"exit code {code}", verdict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_TheCiSystemsClass_WinsOverTheExitCode()
    {
        // A lost runner reports some exit code too; the CI system knows better what happened.
        Assert.Equal("runner-lost", Of(FailureClass.RunnerLost, exit: 137)!.Kind);
        Assert.Equal("structure.system-failure", Of(FailureClass.System, exit: 127)!.Id);
    }

    [Theory]
    [InlineData("prepare_executor", Origin.Environment)]
    [InlineData("get_sources", Origin.Environment)]
    [InlineData("upload_artifacts_on_failure", Origin.Environment)]
    [InlineData("step_script", Origin.Code)]
    [InlineData("Run npm test", Origin.Code)]
    public void Of_ScriptFailure_TakesItsOriginFromThePhase(string step, Origin origin) =>
        Assert.Equal(origin, Of(FailureClass.Script, exit: 1, step: step)!.Origin);

    [Fact]
    public void Of_ScriptFailureInTheJobsOwnSteps_IsADefaultVerdict()
    {
        var verdict = Of(FailureClass.Script, exit: 2, step: "Run make test", ci: "github")!;

        Assert.Equal("structure.script-failure", verdict.Id);
        Assert.True(verdict.Default);
        Assert.Equal("GitHub Actions reported the failed step's exit code 2 while running tests, which makes it the job's own: its code or its commands.", verdict.Explanation);
    }

    [Fact]
    public void Of_BareLogThatShowsErrors_IsTheJobsOwnByDefault()
    {
        var verdict = Of(ci: "plain", reported: false)!;

        Assert.Equal("structure.error-output", verdict.Id);
        Assert.Equal(Origin.Code, verdict.Origin);
        Assert.True(verdict.Default);
        Assert.Null(verdict.Kind);
    }

    [Fact]
    public void Of_LogThatSaysNothing_IsNull()
    {
        Assert.Null(Of(ci: "plain", reported: false, errors: false));
        Assert.Null(Of(ci: "plain", failed: false, reported: false));
    }

    [Fact]
    public void FactsOf_CancelledInRunJson_IsCancelledWhenTheLogSaysNothing()
    {
        var log = new JobLog("github", [], 3, null, RunStatus.Unknown, null, null, 0, false);

        Assert.Equal(FailureClass.Cancelled, StructuralVerdict.FactsOf(log, null, null, RunStatus.Cancelled, false).Class);
        Assert.Equal(FailureClass.Timeout, StructuralVerdict.FactsOf(log with { FailureClass = FailureClass.Timeout }, null, null, RunStatus.Cancelled, false).Class);
    }

    [Fact]
    public void FactsOf_OneStepLog_HasNoPhase()
    {
        // GitHub's reader puts a pasted excerpt's lines in a synthetic "Set up job" step: that is
        // no evidence that the runner was being set up.
        var oneStep = new JobLog("github", [new Step(0, "Set up job", RunStatus.Failed, null, 1, 9)], 9, null, RunStatus.Failed, 0, 9, 0, false);
        var twoSteps = oneStep with { Steps = [.. oneStep.Steps, new Step(1, "Complete job", RunStatus.Passed, null, 10, 12)] };

        Assert.Equal(JobPhase.Unknown, StructuralVerdict.FactsOf(oneStep, null, "Set up job", RunStatus.Failed, true).Phase);
        Assert.Equal(JobPhase.Runner, StructuralVerdict.FactsOf(twoSteps, null, "Set up job", RunStatus.Failed, true).Phase);
        Assert.Equal(JobPhase.Runner, StructuralVerdict.FactsOf(oneStep, null, "Set up job", RunStatus.Failed, true, stepFromRun: true).Phase);
    }
}
