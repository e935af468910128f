using CiDoctor.Core.Model;

namespace CiDoctor.Core.Diagnosis;

/// <summary>
/// What about a mode's root cause predicts whether it is right (see <see cref="ConfidenceWeights"/>
/// for how much each counts and how that was measured). Captures, the failed step and nearness
/// to the failure report already decide the ranking; measured on the labelled cases they say
/// nothing more about whether the winner is right, so they are not signals here.
/// </summary>
/// <param name="Generic">1 when the mode only says that something failed: a wrapper (<see cref="ModeRanker.IsWrapper"/>) or kind <c>other</c>, the vocabulary's catch-all.</param>
/// <param name="CloseRunnerUp">1 when a mode of another kind scored within <see cref="DiagnosisOptions.CloseMargin"/>: two explanations compete.</param>
/// <param name="Structure">The structural verdict's confidence when it puts the failure on the same side (environment or not) and names no other kind, minus it otherwise; 0 without one or when it is only a default ("the script failed").</param>
/// <param name="NoLog">1 when the lead finding is an annotation: there is no log to check it against.</param>
internal sealed record ConfidenceSignals(double Generic, double CloseRunnerUp, double Structure, double NoLog)
{
    internal static ConfidenceSignals Of(RankedMode root, IReadOnlyList<RankedMode> ranked, JobLog? log, StructuralVerdict? structure, DiagnosisOptions options)
    {
        var next = ranked.FirstOrDefault(r => !ReferenceEquals(r, root) && !r.Incidental && r.Mode.Kind != root.Mode.Kind);
        bool close = next is not null && root.Score - next.Score < options.CloseMargin;
        double agree = structure?.AgreementWith(root.Mode) ?? 0;
        return new ConfidenceSignals(IsGeneric(root) ? 1 : 0, close ? 1 : 0, agree, log is null || root.Lead.Line == 0 ? 1 : 0);
    }

    /// <summary>A mode that says that something failed, not what: a wrapper, or kind <c>other</c>.</summary>
    internal static bool IsGeneric(RankedMode mode) => mode.Mode.Kind == "other" || ModeRanker.IsWrapper(mode.Mode, mode.Lead);

    /// <summary>The confidence these signals give with <paramref name="w"/>: a logistic curve over their weighted sum.</summary>
    public double Confidence(ConfidenceWeights w)
    {
        double z = w.Bias + w.Generic * Generic + w.CloseRunnerUp * CloseRunnerUp + w.Structure * Structure + w.NoLog * NoLog;
        return 1 / (1 + Math.Exp(-z));
    }
}
