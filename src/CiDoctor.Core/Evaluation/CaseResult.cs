namespace CiDoctor.Core.Evaluation;

/// <summary>
/// One value a case adds to a figure (<c>add(key, value)</c> in the reference scorer), e.g.
/// <c>logchunks.hit@10 = 1</c>. <paramref name="Extra"/> marks a baseline the reference scorer
/// does not compute (added so that every figure has a baseline beside it).
/// </summary>
public sealed record EvalValue(string Key, double Value, bool Extra = false);

/// <summary>What one case gave: its values, or why it could not be diagnosed.</summary>
/// <param name="Error">Why the diagnosis failed; such a case scores as an empty diagnosis, as in the reference scorer.</param>
/// <param name="Seconds">In-process seconds to diagnose it (reading, scanning, diagnosis); null when it was not diagnosed.</param>
public sealed record CaseResult(EvalCase Case, string? Error, double? Seconds, IReadOnlyList<EvalValue> Values)
{
    /// <summary>Confidence and correctness of a cause-labelled case, for the reliability table; null for line-labelled cases.</summary>
    public CalibrationPoint? Calibration { get; init; }
}
