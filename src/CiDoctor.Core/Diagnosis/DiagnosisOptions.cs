namespace CiDoctor.Core.Diagnosis;

/// <summary>Weights of the ranking and sizes of the evidence; tunables, not rules.</summary>
public sealed record DiagnosisOptions
{
    /// <summary>Score of each severity, low to critical.</summary>
    public IReadOnlyList<double> SeverityWeight { get; init; } = [10, 20, 30, 40];

    /// <summary>Bonus when a finding is in the failed step.</summary>
    public double InFailedStep { get; init; } = 15;

    /// <summary>Penalty when a finding is in a step that did not fail (earlier steps passed, later ones are cleanup).</summary>
    public double OtherStep { get; init; } = 12;

    /// <summary>Penalty when every finding is in a step that passed or after the failure report.</summary>
    public double NotTheFailure { get; init; } = 40;

    /// <summary>Bonus for a finding right before the failure report, fading with distance (lines).</summary>
    public double Nearness { get; init; } = 8;

    /// <summary>Lines over which the nearness bonus halves.</summary>
    public double NearnessHalfLife { get; init; } = 150;

    /// <summary>
    /// Bonus of the fatal mode (severity medium or more, not a wrapper nor a warning) whose first finding comes
    /// first in the failing step (the first fatal error), then half for the next. Warnings and
    /// wrappers printed earlier do not take it: they did not stop the job.
    /// </summary>
    public double FirstError { get; init; } = 6;

    /// <summary>
    /// Penalty of a mode that only reports that a command failed (<c>make: ***</c>, <c>code
    /// ELIFECYCLE</c>, <c>Process completed with exit code</c>, kind <c>other</c>): the mechanism
    /// inside the wrapper, when a mode recognises it, wins.
    /// </summary>
    public double Wrapper { get; init; } = 12;

    /// <summary>
    /// Penalty of a mode whose lead line is a warning or a deprecation notice (no error word)
    /// printed more than <see cref="WarningReach"/> lines before the failure point, or in another
    /// step: it did not stop the job. Near the failure a warning may be the cause (a Kubernetes
    /// <c>Warning FailedScheduling</c> event, SSH's changed host key).
    /// </summary>
    public double Warning { get; init; } = 15;

    /// <summary>Lines before the failure report (or the log's end) within which a warning is not penalised.</summary>
    public int WarningReach { get; init; } = 40;

    /// <summary>Penalty of a mode of kind <c>other</c> that is not a wrapper: a named kind is more specific.</summary>
    public double OtherKind { get; init; } = 4;

    /// <summary>
    /// Points for agreeing with the job's structure, times the agreement (−1…1: a GitLab system
    /// failure, 0.75, gives an environment mode +3 and a code or config mode −3); a tie-breaker
    /// and a small shift, not a veto.
    /// </summary>
    public double StructureAgreement { get; init; } = 4;

    /// <summary>A runner-up of another kind within this many score points makes the winner uncertain.</summary>
    public double CloseMargin { get; init; } = 8;

    /// <summary>Weights of a mode's confidence.</summary>
    public ConfidenceWeights Confidence { get; init; } = new();

    /// <summary>
    /// Below this confidence no root cause is named ("not recognised": the informative blocks
    /// are the evidence, the origin may still come from the job's structure); a wrong cause
    /// stated with confidence misleads more than no cause.
    /// </summary>
    public double NotRecognisedBelow { get; init; } = 0.35;

    /// <summary>Cause lines of the root cause shown.</summary>
    public int CauseLines { get; init; } = 5;

    /// <summary>Lines of a block shown together when a block of lines is the evidence.</summary>
    public int BlockLines { get; init; } = 8;

    /// <summary>Blocks after the best two shown by their lead line.</summary>
    public int OtherBlocks { get; init; } = 2;

    /// <summary>Evidence lines at most, cause and context together.</summary>
    public int MaxEvidence { get; init; } = 20;

    /// <summary>Noise lines shown per benign mode.</summary>
    public int NoisePerMode { get; init; } = 5;
}
