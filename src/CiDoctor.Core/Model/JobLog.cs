namespace CiDoctor.Core.Model;

/// <summary>
/// What a reader learned about a job from its whole log: the format, the steps and how the job
/// ended. The lines themselves are streamed to the scanner, not kept (memory stays bounded).
/// </summary>
/// <param name="Ci">The CI system whose format was read (a name from <see cref="Names.CiSystems"/>).</param>
/// <param name="Steps">The steps in log order; empty when the format has none.</param>
/// <param name="LineCount">Number of lines in the file.</param>
/// <param name="ExitCode">The job's exit code when the log reports one.</param>
/// <param name="Status">Failed when the log reports a failure, passed when it reports success.</param>
/// <param name="FailedStep">Index into <paramref name="Steps"/> of the step that failed, if known.</param>
/// <param name="FailureLine">The line that reports the failure (exit report, failure banner), if any.</param>
/// <param name="LongLines">Number of lines cut because they were longer than the reader keeps.</param>
/// <param name="InvalidUtf8">True when bytes were not valid UTF-8 and were replaced.</param>
public sealed record JobLog(
    string Ci,
    IReadOnlyList<Step> Steps,
    long LineCount,
    int? ExitCode,
    RunStatus Status,
    int? FailedStep,
    long? FailureLine,
    long LongLines,
    bool InvalidUtf8)
{
    /// <summary>How the CI system's own closing lines say the job ended; <see cref="FailureClass.None"/> when they do not say.</summary>
    public FailureClass FailureClass { get; init; }

    /// <summary>The closing line that said so (cleaned and masked), for evidence and explanations; null when none was read.</summary>
    public string? FailureReport { get; init; }
}
