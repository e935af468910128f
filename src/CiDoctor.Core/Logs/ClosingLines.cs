using System.Buffers;
using System.Text.RegularExpressions;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Logs;

/// <summary>
/// What every CI system's runner prints when a step or job ends badly, known to every reader (a
/// pasted tail often carries no format marker, and one CI's log may quote another's). Each entry
/// names the file of the runner's source that defines the text, as listed in
/// <c>tests/corpus/real/CLOSING-LINES.md</c> (which gives the repositories and commits read);
/// entries marked "observed" have no public source. The first entry that matches a line wins, so
/// specific shapes come before general ones; <see cref="ClosingTier.Tool"/> entries come last.
/// </summary>
internal static class ClosingLines
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    public static IReadOnlyList<ClosingLine> All { get; } =
    [
        // GitLab: gitlab-runner common/build.go setTraceStatus ("Job failed: ", "Job failed (system failure): ").
        Entry("Job failed (system failure)", @"Job failed \(system failure\):", FailureClass.System),
        // GitLab: common/build.go runtimeStateAndError (job timeout).
        Entry("execution took longer than", @"execution took longer than \S+", FailureClass.Timeout),
        // GitLab: common/build.go (ErrJobCanceled = errors.New("canceled")).
        Entry("Job failed: canceled", @"Job failed: canceled", FailureClass.Cancelled),
        // GitLab: common/build.go ("prepare environment: %w"): the "Preparing environment" stage failed.
        Entry("Job failed: prepare environment", @"Job failed: prepare environment: exit (?:code|status) (?<exit>-?\d+)", FailureClass.Script, step: "Preparing environment"),
        // GitLab: executors/docker/steps.go, executors/docker/internal/wait/wait.go ("exit code %d"),
        // executors/kubernetes/kubernetes.go ("command terminated with exit code %d"), shell executor ("exit status %d").
        Entry("Job failed: ", @"Job failed: (?:command terminated with )?exit (?:code|status) (?<exit>-?\d+)", FailureClass.Script),
        // GitLab: common/build.go setTraceStatus, any other reason (image pull, …): failed, how is not said.
        Entry("ERROR: Job failed", @"ERROR: Job failed", FailureClass.None),
        // GitLab: common/build.go warnTimeoutExceeded (names the stage the timeout cut).
        Entry("could not run to completion because the timeout was exceeded", @"(?<step>[A-Za-z0-9_]+) could not run to completion because the timeout was exceeded", FailureClass.Timeout),
        // GitLab: common/build.go (logger.SoftErrorln("Preparation failed:", err)); retried, then a system failure.
        Entry("ERROR: Preparation failed:", @"ERROR: Preparation failed:", FailureClass.System, soft: true),

        // GitHub Actions: actions/runner src/Runner.Worker/Handlers/ScriptHandler.cs ("##[error]" on raw logs, "Error: " on the job page).
        Entry("Process completed with exit code", @"Process completed with exit code (?<exit>-?\d+)", FailureClass.Script),
        // GitHub Actions: actions/toolkit packages/exec/src/toolrunner.ts (JavaScript actions).
        Entry("The process '", @"The process '[^']*' failed with exit code (?<exit>-?\d+)", FailureClass.Script),
        // GitHub Actions: src/Runner.Worker/StepsRunner.cs (timeout-minutes).
        Entry("has timed out after", @"The action '[^']*' has timed out after \d+ minutes", FailureClass.Timeout),
        // GitHub Actions: src/Runner.Worker/StepsRunner.cs (OperationCanceledException text).
        Entry("The operation was canceled", @"The operation was canceled", FailureClass.Cancelled),
        // GitHub Actions: src/Runner.Worker/JobRunner.cs.
        Entry("The runner has received a shutdown signal", @"The runner has received a shutdown signal", FailureClass.RunnerLost),
        // GitHub Actions and Azure Pipelines: written by the service ("The hosted runner: … lost communication with the server",
        // "The agent: … lost communication with the server"), not in the runner's or agent's source.
        Entry("lost communication with the server", @"lost communication with the server", FailureClass.RunnerLost),
        // GitHub Actions: written by the service ("has exceeded the maximum execution time of 360 minutes").
        Entry("exceeded the maximum execution time", @"exceeded the maximum execution time", FailureClass.Timeout),
        // GitHub Actions: observed (the service refuses the workflow before a runner starts).
        Entry("Unable to resolve action", @"Unable to resolve action", FailureClass.Config),
        Entry("Invalid workflow file", @"Invalid workflow file", FailureClass.Config),
        // GitHub Actions: observed (job annotation of a cancelled run).
        Entry("Job was cancelled", @"Job was cancelled", FailureClass.Cancelled),

        // Jenkins: workflow-durable-task-step DurableTaskStep.java (AbortException "script returned exit code %d").
        Entry("script returned exit code", @"script returned exit code (?<exit>-?\d+)", FailureClass.Script),
        // Jenkins: core/src/main/java/hudson/model/AbstractBuild.java.
        Entry("marked build as failure", @"Build step '(?<step>[^']+)' marked build as failure", FailureClass.Script),
        Entry("went offline during the build", @"(?:Agent|Slave) went offline during the build", FailureClass.RunnerLost),
        // Jenkins: core/src/main/resources/hudson/slaves/Messages.properties (OfflineCause.connection_was_broken_).
        Entry("Connection was broken", @"Connection was broken", FailureClass.RunnerLost),
        // Jenkins: remoting's exception when the agent channel closes (as printed in the console).
        Entry("ChannelClosedException", @"ChannelClosedException", FailureClass.RunnerLost),
        // Jenkins: workflow-durable-task-step DurableTaskStep.java ("Cannot contact %s: %s", and its replacements).
        Entry("Cannot contact ", @"Cannot contact \S+: ", FailureClass.RunnerLost),
        Entry("removed or offline", @"(?:seems to be|has been) removed or offline", FailureClass.RunnerLost),
        // Jenkins: workflow-durable-task-step support/steps/ExecutorStepExecution.java, FilePathDynamicContext.java.
        Entry("was marked offline", @"was marked offline", FailureClass.RunnerLost),
        // Jenkins: durable-task BourneShellScript.java (the shell wrapper died: killed, or the agent's filesystem lags).
        Entry("wrapper script does not seem to be touching the log file", @"wrapper script does not seem to be touching the log file", FailureClass.RunnerLost),
        // Jenkins: workflow-basic-steps TimeoutStepExecution.java.
        Entry("Cancelling nested steps due to timeout", @"Cancelling nested steps due to timeout", FailureClass.Timeout),
        Entry("Timeout has been exceeded", @"Timeout has been exceeded", FailureClass.Timeout),
        // Jenkins: core/src/main/java/hudson/model/BuildListener.java ("Finished: " + result).
        Entry("Finished: ABORTED", @"^Finished: ABORTED\s*$", FailureClass.Cancelled),
        Entry("Finished: FAILURE", @"^Finished: FAILURE\s*$", FailureClass.None),

        // Buildkite: buildkite/agent internal/job/executor.go ("The command exited with status %d", after "🚨 Error: ").
        Entry("The command exited with status", @"The command exited with status (?<exit>-?\d+)", FailureClass.Script),
        // Buildkite: internal/job/executor.go ("the %s hook exited with status %d").
        Entry("hook exited with status", @"hook exited with status (?<exit>-?\d+)", FailureClass.Script),
        // Buildkite: internal/job/executor.go ("user command error: %v").
        Entry("user command error:", @"user command error: .*?exit status (?<exit>-?\d+)", FailureClass.Script),
        // Buildkite: internal/job/executor.go (Commentf "Received cancellation signal, interrupting").
        Entry("Received cancellation signal", @"Received cancellation signal, interrupting", FailureClass.Cancelled),
        // Buildkite: observed (buildkite-agent pipeline upload refused by the API).
        Entry("Pipeline upload rejected", @"Pipeline upload rejected", FailureClass.Config),

        // Travis CI: travis-build lib/travis/build/bash/travis_assert.bash (install, before_script, …: the job errored).
        Entry("failed and exited with", @"The command ""(?<step>.*)"" failed and exited with (?<exit>-?\d+)", FailureClass.System),
        // Travis CI: travis-build lib/travis/build/bash/travis_result.bash (each script command).
        Entry("The command \"", @"The command ""(?<step>.*)"" exited with (?<exit>-?\d+)", FailureClass.Script),
        // Travis CI: travis-build lib/travis/build/bash/travis_footer.bash.
        Entry("Your build exited with", @"Your build exited with (?<exit>-?\d+)", FailureClass.Script),
        // Travis CI: travis-ci/worker step_run_script.go.
        Entry("No output has been received in the last", @"No output has been received in the last", FailureClass.Timeout),
        Entry("exceeded the maximum time limit for jobs", @"exceeded the maximum time limit for jobs", FailureClass.Timeout),
        Entry("exceeded the maximum log length", @"exceeded the maximum log length", FailureClass.System),

        // CircleCI: observed (closed-source agent): "Exited with code exit status %d" (older "Exited with code %d").
        Entry("Exited with code", @"Exited with code (?:exit status )?(?<exit>-?\d+)", FailureClass.Script),
        Entry("CircleCI received exit code", @"CircleCI received exit code (?<exit>-?\d+)", FailureClass.Script),
        // CircleCI: observed (no-output timeout; CircleCI support article 360045268074).
        Entry("Too long with no output", @"Too long with no output", FailureClass.Timeout),

        // Azure Pipelines: azure-pipelines-tasks Tasks/BashV3/task.json (JS_ExitCode "Bash exited with code '%s'."), and the
        // other script tasks' same wording ("Process 'msbuild.exe' exited with code '1'.").
        Entry("exited with code", @"exited with code\s+'(?<exit>-?\d+)'", FailureClass.Script),
        // Azure Pipelines: azure-pipelines-agent src/Misc/layoutbin/en-US/strings.json (ProcessExitCode).
        Entry("returned from process", @"Exit code (?<exit>-?\d+) returned from process", FailureClass.Script),
        // Azure Pipelines: strings.json (StepTimedOut, StepCancelled, UserShutdownAgent).
        Entry("The task has timed out", @"The task has timed out", FailureClass.Timeout),
        Entry("The Operation will be canceled", @"The Operation will be canceled", FailureClass.Cancelled),
        Entry("The agent has received a shutdown signal", @"The agent has received a shutdown signal", FailureClass.RunnerLost),
        // Azure Pipelines: written by the service, not in the agent's strings.json.
        Entry("We stopped hearing from agent", @"We stopped hearing from agent", FailureClass.RunnerLost),
        Entry("ran longer than the maximum time of", @"ran longer than the maximum time of", FailureClass.Timeout),

        // Forgejo/Gitea Actions: forgejo-runner act/container/docker_run.go, nektos/act pkg/container/docker_run.go.
        Entry("exitcode '", @"exitcode '(?<exit>-?\d+)': ", FailureClass.Script),
        // Forgejo Actions: forgejo-runner internal/pkg/report/reporter.go.
        Entry("exceeds the maximum run time", @"cancelled the job because it exceeds the maximum run time", FailureClass.Timeout),

        // Nix: NixOS/nix src/libstore/build/derivation-goal.cc @ cdbe788c (Nix < 2.29; Nix 1.x quoted with ‘’).
        Entry("builder for ", @"builder for [‘'][^'’]*[’'] failed with exit code (?<exit>-?\d+)", FailureClass.Script),
        // Nix: src/libstore/build/derivation-building-goal.cc (Nix >= 2.29, "Reason: builder failed with exit code N.").
        Entry("builder failed with exit code", @"builder failed with exit code (?<exit>-?\d+)", FailureClass.Script),

        // TeamCity: observed (closed-source agent), "Process exited with code 255 (Step: Unity)".
        Entry("Process exited with code", @"Process exited with code (?<exit>-?\d+)(?: \(Step: (?<step>[^)]+)\))?", FailureClass.Script),

        // Tools the job ran, not the CI system: an exit code only. Go's os/exec ExitError ("exit status %d"; Woodpecker's
        // plugin-git, Drone plugins, old gitlab-ci-multi-runner "Build failed with exit status 128").
        Entry("exit status", @"\bexit status (?<exit>-?\d+)\b", FailureClass.None, ClosingTier.Tool),
        Entry("Exit status", @"\bExit status (?<exit>-?\d+)\b", FailureClass.None, ClosingTier.Tool),
        // "… failed with exit code 1", "Process exited (exit code 137)", "Command failed with exit code 1".
        Entry("exit code", @"\bexit code:? (?<exit>-?\d+)\b", FailureClass.None, ClosingTier.Tool),
        Entry("Exit code", @"\bExit code:? (?<exit>-?\d+)\b", FailureClass.None, ClosingTier.Tool),
    ];

    /// <summary>The literals of <see cref="All"/>, for the readers' <see cref="LogParser.Markers"/>.</summary>
    public static IReadOnlyList<string> Literals { get; } = All.Select(l => l.Literal).Distinct().ToArray();

    private static readonly SearchValues<string> Any = SearchValues.Create(Literals.ToArray(), StringComparison.Ordinal);

    /// <summary>What the closing line <paramref name="text"/> reports; null when it is none.</summary>
    public static ClosingReport? Read(string text)
    {
        if (text.AsSpan().IndexOfAny(Any) < 0)
        {
            return null;
        }
        foreach (var line in All)
        {
            if (!text.Contains(line.Literal, StringComparison.Ordinal))
            {
                continue;
            }
            var match = line.Pattern.Match(text);
            if (match.Success)
            {
                return line.Report(match);
            }
        }
        return null;
    }

    private static ClosingLine Entry(string literal, string pattern, FailureClass @class, ClosingTier tier = ClosingTier.Runner, string? step = null, bool soft = false) =>
        new(literal, new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Timeout), @class, tier, step, soft);
}
