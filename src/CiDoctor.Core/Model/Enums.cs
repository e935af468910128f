namespace CiDoctor.Core.Model;

/// <summary>Whose it is to fix (DESIGN.md "Names used everywhere").</summary>
public enum Origin { Unknown, Environment, Code, Flaky, Config, Benign }

/// <summary>How bad a failure mode is when it is the cause.</summary>
public enum Severity { Low, Medium, High, Critical }

/// <summary>Status of a job or a step.</summary>
public enum RunStatus { Unknown, Failed, Passed, Cancelled, Skipped }

/// <summary>When a recommended action should be taken.</summary>
public enum ActionWhen { Immediate, ShortTerm, LongTerm }

/// <summary>Rough effort of a recommended action.</summary>
public enum Effort { Minutes, Hours, Days }

/// <summary>Role of an evidence line: the cause itself, or a line that helps to read it.</summary>
public enum EvidenceRole { Cause, Context }

/// <summary>Where an evidence line comes from.</summary>
public enum EvidenceSource { Log, Annotation, Snapshot }

/// <summary>
/// How the CI system itself said a job ended, read from its own closing lines (GitLab's
/// <c>ERROR: Job failed (system failure)</c>, Travis' errored vs failed, a runner-lost or
/// agent-lost report, a platform time limit). It gives an origin when no catalog mode explains
/// the failure: a system failure is the environment's, a script failure usually the code's.
/// </summary>
public enum FailureClass
{
    /// <summary>The log says nothing of how the job ended, or it did not fail.</summary>
    None,

    /// <summary>A command of the job's own script exited non-zero (GitLab script failure, Travis failed, a step's exit code).</summary>
    Script,

    /// <summary>The CI system failed around the script: executor, image pull, preparation, helper (GitLab system failure, Travis errored).</summary>
    System,

    /// <summary>The runner or agent went away: lost communication, shutdown signal, agent offline, channel closed.</summary>
    RunnerLost,

    /// <summary>The platform stopped the job for its time limit, or for having printed nothing for too long.</summary>
    Timeout,

    /// <summary>The job was cancelled (by a user, a newer run, or the platform).</summary>
    Cancelled,

    /// <summary>The CI configuration could not be run: invalid workflow, missing secret or action, pipeline upload refused.</summary>
    Config,
}
