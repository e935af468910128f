using CiDoctor.Core.Model;

namespace CiDoctor.Core.Diagnosis;

/// <summary>
/// What about a root cause predicts that it is right, each signal in −1…1 (see
/// <see cref="ConfidenceWeights"/> for how much each one counts and why).
/// </summary>
/// <param name="Specific">1 when the lead finding captured named values (a path, a package, a host): the mode matched a precise message, not a phrase.</param>
/// <param name="Generic">1 when the mode only says that something failed: kind <c>other</c>, or its line is an exit report or a build tool's failure banner.</param>
/// <param name="FailedStep">1 in the failed step, −1 in another one, 0 when the log has no steps.</param>
/// <param name="Near">0–1: how close the lead is before the failure report (1 right above it, halving every <see cref="DiagnosisOptions.NearnessHalfLife"/> lines); 0 when no report is known.</param>
/// <param name="CloseRunnerUp">1 when another mode of a different kind scored almost as much: two explanations compete.</param>
/// <param name="Structure">The structural verdict's confidence when it puts the failure on the same side (environment or not), minus it when on the other, 0 without one.</param>
/// <param name="NoLog">1 when only annotations were matched (there is no log to check the finding against).</param>
public sealed record ConfidenceSignals(double Specific, double Generic, double FailedStep, double Near, double CloseRunnerUp, double Structure, double NoLog)
{
    internal static ConfidenceSignals Of(RankedMode root, IReadOnlyList<RankedMode> ranked, JobLog? log, StructuralVerdict? structure, DiagnosisOptions options)
    {
        var lead = root.Lead;
        double step = log?.FailedStep is int fs && lead.Line > 0 ? (lead.Step == fs ? 1 : -1) : 0;
        double near = 0;
        if (log?.FailureLine is long fl && lead.Line > 0 && lead.Line <= fl)
        {
            near = Math.Pow(0.5, (fl - lead.Line) / options.NearnessHalfLife);
        }
        var next = ranked.FirstOrDefault(r => !ReferenceEquals(r, root) && !r.Incidental && r.Mode.Kind != root.Mode.Kind);
        bool close = next is not null && root.Score - next.Score < options.CloseMargin;
        double agree = 0;
        if (structure is not null && structure.Origin != Origin.Unknown)
        {
            // Weighted by how much the structure itself is worth: a CI system's "system failure"
            // counts more than "the log shows errors".
            bool same = (structure.Origin == Origin.Environment) == (root.Mode.Origin == Origin.Environment);
            agree = same ? structure.Confidence : -structure.Confidence;
        }
        return new ConfidenceSignals(
            lead.Captures.Count > 0 ? 1 : 0,
            IsGeneric(root) ? 1 : 0,
            step,
            near,
            close ? 1 : 0,
            agree,
            log is null || lead.Line == 0 ? 1 : 0);
    }

    /// <summary>
    /// A mode that says that something failed, not what: the catalog's wrappers (kind
    /// <c>other</c>: <c>make: ***</c>, <c>code ELIFECYCLE</c>, a Dockerfile step's exit code), or
    /// any mode whose lead line is an exit report or a failure banner.
    /// </summary>
    internal static bool IsGeneric(RankedMode mode) => mode.Mode.Kind == "other" || ModeRanker.IsWrapper(mode.Mode, mode.Lead);

    /// <summary>The confidence these signals give with <paramref name="w"/>: a logistic curve over their weighted sum.</summary>
    public double Confidence(ConfidenceWeights w)
    {
        double z = w.Bias + w.Specific * Specific + w.Generic * Generic + w.FailedStep * FailedStep + w.Near * Near
            + w.CloseRunnerUp * CloseRunnerUp + w.Structure * Structure + w.NoLog * NoLog;
        return 1 / (1 + Math.Exp(-z));
    }
}
