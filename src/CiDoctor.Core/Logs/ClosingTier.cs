namespace CiDoctor.Core.Logs;

/// <summary>Who printed a closing line, and so how much it says about the job.</summary>
internal enum ClosingTier
{
    /// <summary>The CI system's runner or agent (or the task/action wrapper it runs): it reports how the step or job ended.</summary>
    Runner,

    /// <summary>A tool the job ran (Go's <c>exit status N</c>, yarn's <c>exit code N</c>): an exit code, not a verdict on the job.</summary>
    Tool,
}
