using CiDoctor.Core.Catalog;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Diagnosis;

/// <summary>
/// What the shape of a failed job says about its failure, whatever its lines say: how the CI
/// system itself reported the end (<see cref="FailureClass"/>), the exit code's meaning, and the
/// phase the failed step belongs to (<see cref="JobPhases"/>). It gives an origin (and, where
/// the structure really says it, a kind) when no catalog mode explains the failure, and it is a
/// second opinion on a mode's verdict when one does (agreement raises the confidence).
/// <code>
/// GitLab "ERROR: Job failed (system failure): …" in prepare_executor → environment, 0.75
/// exit code 127                                                     → missing-tool, config, 0.6
/// </code>
/// </summary>
/// <param name="Id">A stable id for the verdict, <c>structure.&lt;name&gt;</c>: the root cause's id when the verdict names a kind.</param>
/// <param name="Origin">Whose the failure most likely is.</param>
/// <param name="Confidence">How often this structure goes with this origin (and kind), 0–1.</param>
/// <param name="Kind">The kind, only where the structure itself names the mechanism (127: command not found); else null.</param>
/// <param name="Title">A short title, used when the verdict is the root cause.</param>
/// <param name="Explanation">What the CI system said, where, and whose that makes it (a sentence; the diagnosis says first whether a mode matched).</param>
/// <param name="Phase">The failed step's phase.</param>
/// <param name="Actions">What to do, for a verdict with a kind.</param>
/// <param name="Default">True for the verdicts that only say nothing points elsewhere (the script failed; the job's commands print errors): they give an origin, but agreeing with them is no second opinion.</param>
internal sealed record StructuralVerdict(
    string Id, Origin Origin, double Confidence, string? Kind, string Title, string Explanation, JobPhase Phase,
    IReadOnlyList<RecommendedAction> Actions, bool Default = false)
{
    /// <summary>The facts a rule looks at.</summary>
    /// <param name="Failed">The job failed (run.json, the reader, or a bare log that shows errors).</param>
    /// <param name="Reported">The CI system itself reported the failure (run.json's failed step, or a failure report the reader saw: an exit line, a failure banner).</param>
    /// <param name="ShowsErrors">The log shows error output of the job's own commands (a scored evidence block).</param>
    internal sealed record Facts(string Ci, FailureClass Class, int? ExitCode, JobPhase Phase, bool Failed, bool Reported, bool ShowsErrors);

    private sealed record Rule(
        string Id, Func<Facts, bool> When, Origin Origin, double Confidence, string? Kind, string Title, Func<Facts, string> Said, string Whose,
        RecommendedAction[]? Actions = null);

    private static RecommendedAction Act(ActionWhen when, Effort effort, string text) => new(when, effort, text);

    private static bool Exit(Facts f, int code) => f.ExitCode == code && f.Class is FailureClass.None or FailureClass.Script or FailureClass.System;

    // Ordered: the CI system's own word on how the job ended first (it knows), then what an
    // exit code means by convention (shells, `timeout`, docker, signals 128+n), then the phase
    // of the failed step, then the bare fact that the script failed. Confidences are what the
    // convention makes likely, checked against the labelled sets (../shared/eval/dev/issues and
    // tests/corpus/real/tune) where they hold cases, and kept modest where a case or two decide.
    private static readonly Rule[] Rules =
    [
        // Lost communication, agent offline, shutdown signal: the machine went away under the job.
        new("structure.runner-lost", f => f.Class == FailureClass.RunnerLost, Origin.Environment, 0.85, "runner-lost",
            "The CI system lost the runner", _ => "reported that it lost the runner or agent running the job",
            "the runner's or the CI system's, not the code's",
            [Act(ActionWhen.Immediate, Effort.Minutes, "Rerun the job; a lost runner is rarely the job's own doing."),
             Act(ActionWhen.ShortTerm, Effort.Hours, "If it recurs, check the runner's memory, disk and network around that time (a job that exhausts the machine also loses it).")]),
        // The platform's time limit (job timeout, no output for too long): the job's time budget.
        new("structure.timeout", f => f.Class == FailureClass.Timeout, Origin.Config, 0.75, "timeout",
            "The CI system stopped the job at its time limit", _ => "stopped the job at its time limit",
            "the job's time budget: a hang, or more work than the limit allows",
            [Act(ActionWhen.Immediate, Effort.Minutes, "Look at the last output before the stop: that is where the job hung or slowed down."),
             Act(ActionWhen.ShortTerm, Effort.Hours, "Put timeouts on the commands that can hang, or raise the job's limit if the work really takes longer.")]),
        // Invalid workflow, missing action or secret: nothing of the job ran as written.
        new("structure.config", f => f.Class == FailureClass.Config, Origin.Config, 0.75, "workflow-config",
            "The CI system could not run the job's configuration", _ => "could not run the job's configuration",
            "the CI configuration's",
            [Act(ActionWhen.Immediate, Effort.Minutes, "Fix the configuration error the CI system names (workflow file, action reference, secret or variable).")]),
        // Cancelled by a user, a newer run or the platform: nothing failed by itself.
        new("structure.cancelled", f => f.Class == FailureClass.Cancelled, Origin.Config, 0.5, null,
            "The job was cancelled", _ => "reported the job cancelled",
            "nobody's failure in the job: a user, a newer run or the platform stopped it"),
        // Executor, image pull, helper: GitLab's "system failure", Travis' "errored".
        new("structure.system-failure", f => f.Class == FailureClass.System, Origin.Environment, 0.75, null,
            "The CI system failed around the job's script", _ => "reported a system failure",
            "the runner's, not the code's"),
        // No process exits with -1 (statuses are 0–255): Jenkins' durable task (and other agents)
        // report it when they lost the process they were watching.
        new("structure.exit--1", f => f.ExitCode == -1, Origin.Environment, 0.6, "runner-lost",
            "The agent lost the job's process", f => $"reported exit code -1, which no process returns: the agent lost track of the step's process",
            "the agent's or the runner's, not the code's",
            [Act(ActionWhen.Immediate, Effort.Minutes, "Rerun the job; if it recurs on the same agent, check that agent's load, disk and workspace filesystem.")]),
        // 128+9: killed with SIGKILL; in CI almost always the kernel's or the container's
        // out-of-memory killer (a runner stopping a job sends SIGTERM first).
        new("structure.exit-137", f => Exit(f, 137), Origin.Environment, 0.55, "oom",
            "The process was killed (SIGKILL, usually out of memory)", f => "reported exit code 137: the process was killed with SIGKILL, usually by the out-of-memory killer",
            "the runner's memory limit (or the job's memory use), not a bug in the code's logic",
            [Act(ActionWhen.Immediate, Effort.Minutes, "Check the job's peak memory: lower parallelism (-j, workers) or use a runner with more memory."),
             Act(ActionWhen.ShortTerm, Effort.Hours, "Find what grew: a test or build step that holds too much in memory.")]),
        // GNU `timeout` exits 124 when its limit expires.
        new("structure.exit-124", f => Exit(f, 124), Origin.Config, 0.55, "timeout",
            "A command hit its `timeout` limit", _ => "reported exit code 124, what `timeout` returns when its limit expires",
            "the job's time budget: a hang, or more work than the limit allows",
            [Act(ActionWhen.Immediate, Effort.Minutes, "See which command ran under `timeout` and what it printed last: that is where it hung.")]),
        // POSIX shells: 127 = command not found.
        new("structure.exit-127", f => Exit(f, 127), Origin.Config, 0.6, "missing-tool",
            "A command was not found (exit code 127)", _ => "reported exit code 127, what a shell returns when a command is not found",
            "the job's setup: the command is not installed or not on PATH in this image, or it is misspelt",
            [Act(ActionWhen.Immediate, Effort.Minutes, "Install the missing command in the job (or its image), or fix its name or PATH.")]),
        // POSIX shells: 126 = found but not executable (execute bit, a directory, another architecture).
        new("structure.exit-126", f => Exit(f, 126), Origin.Code, 0.45, null,
            "A command was found but could not be executed", _ => "reported exit code 126, what a shell returns when a command is found but cannot be executed",
            "the job's: a missing execute bit, a directory, or a binary for another architecture"),
        // docker run: 125 = the docker command itself failed (daemon error, bad options), the container never ran.
        new("structure.exit-125", f => Exit(f, 125), Origin.Environment, 0.45, null,
            "docker run could not start the container", _ => "reported exit code 125, what docker run returns when it cannot start the container",
            "the container runtime's (or the run options'), not the code's"),
        // 128+15: SIGTERM from outside: a cancellation, a time limit or the runner shutting down.
        new("structure.exit-143", f => Exit(f, 143), Origin.Environment, 0.45, null,
            "The process was terminated (SIGTERM)", _ => "reported exit code 143: the process was terminated with SIGTERM from outside",
            "whatever stopped the job: a cancellation, a time limit or the runner shutting down"),
        // 128+11: the program crashed on a bad memory access.
        new("structure.exit-139", f => Exit(f, 139), Origin.Code, 0.5, null,
            "The process crashed (segmentation fault)", _ => "reported exit code 139: the process crashed with a segmentation fault",
            "the crashing program's"),
        // 128+6: abort(), a failed native assertion or a runtime's fatal error.
        new("structure.exit-134", f => Exit(f, 134), Origin.Code, 0.45, null,
            "The process aborted (SIGABRT)", _ => "reported exit code 134: the process aborted (SIGABRT), usually a failed assertion or a fatal runtime error",
            "the aborting program's"),
        // 128+2: interrupted (Ctrl-C, or a runner forwarding a cancellation).
        new("structure.exit-130", f => Exit(f, 130), Origin.Config, 0.35, null,
            "The process was interrupted (SIGINT)", _ => "reported exit code 130: the process was interrupted (SIGINT)",
            "nobody's failure in the code: the run was interrupted"),
        // ssh returns 255 when its connection fails; runners' helpers use it for their own failures.
        new("structure.exit-255", f => Exit(f, 255), Origin.Environment, 0.5, null,
            "A remote command or runner helper failed (exit code 255)", _ => "reported exit code 255, what ssh returns when its connection fails and runner helpers when they fail",
            "the connection's or the runner's more often than the code's"),
        // Before the job's own commands run, a failure is the runner's (image, executor, network).
        new("structure.phase-runner", f => f.Phase == JobPhase.Runner && f.Failed, Origin.Environment, 0.65, null,
            "The job failed while the runner was being prepared", ScriptSaid, "the runner's, not the code's"),
        new("structure.phase-checkout", f => f.Phase == JobPhase.Checkout && f.Failed, Origin.Environment, 0.5, null,
            "The job failed while fetching its sources", ScriptSaid, "most often the runner's network or credentials, not the code's"),
        new("structure.phase-upload", f => f.Phase is JobPhase.Upload or JobPhase.Cleanup && f.Failed, Origin.Environment, 0.45, null,
            "The job failed after its script, uploading or cleaning up", ScriptSaid, "the runner's or the artifact store's, not the code's"),
        // The last two are defaults (Default = true): the job's own commands failed and nothing
        // points elsewhere: the code's (or its commands'). Of the labelled jobs no mode explained,
        // 7 of 9 with a reported script failure were not the environment's: the catalog knows
        // the environment's mechanisms best (disk, memory, network, runners).
        new("structure.script-failure", f => f.Class == FailureClass.Script || (f.Failed && (f.Reported || f.ExitCode is > 0)), Origin.Code, 0.7, null,
            "The job's script failed", ScriptSaid, "the job's own: its code or its commands"),
        // No closing line, no exit code, but the job's own tools print errors: the same reasoning
        // with less to go on (an excerpt may have cut the runner's report away); 7 of 10.
        new("structure.error-output", f => f.Failed && f.ShowsErrors, Origin.Code, 0.6, null,
            "The job's commands report errors", _ => "said nothing about how the job ended, but the job's own commands print errors",
            "most likely the job's own"),
    ];

    /// <summary>
    /// How much this verdict agrees with <paramref name="mode"/>, −1…1: its confidence when it puts
    /// the failure on the same side (environment or not) and names no other kind, minus it
    /// otherwise; 0 for a default verdict, which is no second opinion.
    /// </summary>
    public double AgreementWith(FailureMode mode)
    {
        if (Default || Origin == Origin.Unknown)
        {
            return 0;
        }
        bool same = (Origin == Origin.Environment) == (mode.Origin == Origin.Environment) && (Kind is null || Kind == mode.Kind);
        return same ? Confidence : -Confidence;
    }

    /// <summary>The first rule that holds for the facts; null when the structure says nothing.</summary>
    public static StructuralVerdict? Of(Facts facts)
    {
        foreach (var rule in Rules)
        {
            if (rule.When(facts))
            {
                string where = JobPhases.Doing(facts.Phase) is { } doing ? " " + doing : "";
                string explanation = $"{CiName(facts.Ci)} {rule.Said(facts)}{where}, which makes it {rule.Whose}.";
                bool fallback = ReferenceEquals(rule, Rules[^1]) || ReferenceEquals(rule, Rules[^2]);
                return new StructuralVerdict(rule.Id, rule.Origin, rule.Confidence, rule.Kind, rule.Title, explanation, facts.Phase, rule.Actions ?? [], fallback);
            }
        }
        return null;
    }

    /// <summary>
    /// The facts of a job: the failure class the reader found (or <see cref="FailureClass.None"/>),
    /// the exit code and failed step as the diagnosis reports them, and the step's phase.
    /// </summary>
    /// <remarks>
    /// A log read as one step says nothing of phases: it is an excerpt, or a reader's catch-all
    /// for the lines before the first step header (GitHub's and Forgejo's "Set up job"). The
    /// phase counts when run.json names the step or the log has several.
    /// </remarks>
    public static Facts FactsOf(JobLog? log, int? exitCode, string? failedStep, RunStatus status, bool showsErrors, bool stepFromRun = false)
    {
        bool phased = stepFromRun || (log?.Steps.Count ?? 0) > 1;
        bool reported = stepFromRun || log?.Status == RunStatus.Failed;
        var cls = log?.FailureClass ?? FailureClass.None;
        if (cls == FailureClass.None && status == RunStatus.Cancelled)
        {
            // run.json's status is the CI system's word too.
            cls = FailureClass.Cancelled;
        }
        return new(log?.Ci ?? "plain", cls, exitCode, phased ? JobPhases.Of(failedStep) : JobPhase.Unknown, status == RunStatus.Failed, reported, showsErrors);
    }

    private static string ScriptSaid(Facts f) =>
        f.ExitCode is int code ? $"reported the failed step's exit code {code}" : "reported the step failed";

    /// <summary>The CI system's name in a sentence; "the log" for a plain log.</summary>
    internal static string CiName(string ci) => ci switch
    {
        "github" => "GitHub Actions",
        "gitlab" => "GitLab",
        "forgejo" => "Forgejo Actions",
        "gitea" => "Gitea Actions",
        "jenkins" => "Jenkins",
        "buildkite" => "Buildkite",
        "drone" => "Drone",
        "travis" => "Travis CI",
        "nix" => "Nix",
        _ => "the log",
    };
}
