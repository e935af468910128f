namespace CiDoctor.Core.Diagnosis;

/// <summary>
/// Weights of the confidence of a mode's root cause: confidence = 1 / (1 + e^−z),
/// z = bias + Σ weight × signal (<see cref="ConfidenceSignals"/>). Bias, generic and close
/// runner-up were fitted by logistic regression (L2, λ = 0.5) of "the kind was right" on the
/// cause-labelled cases of ../shared/eval/dev/issues and tests/corpus/real/tune (never holdout;
/// 161 diagnoses with the built-in catalog and with the catalog branches' modes added, 149
/// right) and rounded; structure and no-log have no measurement yet (the readers' failure
/// classes and annotation-only jobs are absent from those sets) and carry a modest prior.
/// docs/DECISIONS.md "Ranking" has the figures.
/// </summary>
public sealed record ConfidenceWeights
{
    /// <summary>A named mode with nothing against it: 0.95, the share of such causes whose kind was right (138 of 146 with no generic mode).</summary>
    public double Bias { get; init; } = 2.9;

    /// <summary>A wrapper or kind <c>other</c>: 0.79; right 11 times of 15.</summary>
    public double Generic { get; init; } = -1.6;

    /// <summary>A mode of another kind scored almost as much: 0.80; right 4 times of 6.</summary>
    public double CloseRunnerUp { get; init; } = -1.5;

    /// <summary>Prior: the structural verdict agrees (+) or disagrees (−), times its own confidence.</summary>
    public double Structure { get; init; } = 0.5;

    /// <summary>Prior: only an annotation matched, with no log around it.</summary>
    public double NoLog { get; init; } = -1.0;
}
