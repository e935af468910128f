namespace CiDoctor.Core.Diagnosis;

/// <summary>
/// Weights of the confidence of a mode's root cause: confidence = 1 / (1 + e^−z), z = bias + Σ
/// weight × signal (<see cref="ConfidenceSignals"/>). Fitted by logistic regression of "the kind
/// was right" on the cause-labelled dev cases (../shared/eval/dev/issues) and
/// tests/corpus/real/tune, never on holdout, and rounded; docs/DECISIONS.md "Ranking" has the fit.
/// </summary>
public sealed record ConfidenceWeights
{
    /// <summary>A mode of no particular signal, in a log without steps or failure report.</summary>
    public double Bias { get; init; } = 1.4;

    /// <summary>Captured values: the mode matched a precise message.</summary>
    public double Specific { get; init; } = 0.6;

    /// <summary>A wrapper or kind <c>other</c>: it says that something failed, rarely what.</summary>
    public double Generic { get; init; } = -1.6;

    /// <summary>In the failed step (+), in another one (−).</summary>
    public double FailedStep { get; init; } = 0.5;

    /// <summary>Right above the failure report.</summary>
    public double Near { get; init; } = 0.4;

    /// <summary>A mode of another kind scored almost as much.</summary>
    public double CloseRunnerUp { get; init; } = -0.8;

    /// <summary>The structural verdict agrees (+) or disagrees (−) on whether it is the environment's.</summary>
    public double Structure { get; init; } = 0.5;

    /// <summary>Only annotations matched.</summary>
    public double NoLog { get; init; } = -0.5;
}
