using System.Text.RegularExpressions;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Matching;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Diagnosis;

/// <summary>
/// Orders the modes found in a job: severity, specificity of the signal, whether the finding is
/// in the failed step, nearness to the failure report, and which fatal error came first in the
/// failing step. A wrapper (a line that only says a command failed) yields to the mechanism
/// inside it, and a warning to an error. Modes that a found mode <c>supersedes</c> are dropped
/// first (disk-full explains the compile error it caused).
/// Ties break by first line, then id, so the order is deterministic.
/// </summary>
internal sealed partial class ModeRanker(DiagnosisOptions options)
{
    /// <param name="structure">How much the job's structure (the CI system's report of how it ended) agrees with a mode, −1…1; null when it says nothing.</param>
    public IReadOnlyList<RankedMode> Rank(FailureCatalog catalog, IReadOnlyDictionary<string, IReadOnlyList<Finding>> findings,
        IReadOnlyDictionary<string, int> counts, JobLog? log, Func<FailureMode, double>? structure = null)
    {
        var found = findings.Keys.Select(id => catalog.Find(id)).OfType<FailureMode>().Where(m => !m.IsBenign).ToList();
        var superseded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mode in found)
        {
            foreach (string target in mode.Supersedes)
            {
                var other = catalog.Find(target);
                if (other is not null && other.Id != mode.Id)
                {
                    superseded.Add(other.Id);
                }
            }
        }
        var candidates = found.Where(m => !superseded.Contains(m.Id)).ToList();
        if (candidates.Count == 0)
        {
            // Modes superseding each other in a cycle: keep them all rather than none.
            candidates = found;
        }

        int? failedStep = log?.FailedStep;
        long? failureLine = log?.FailureLine;
        var leads = candidates.ToDictionary(m => m.Id, m => OrderFindings(findings[m.Id], failedStep), StringComparer.Ordinal);
        // The first fatal error of the failing step: among modes that stop a job (not wrappers,
        // not warnings, severity medium or more), in the failed step when it is known.
        var fatalLines = candidates
            .Where(m => IsFatal(m, leads[m.Id][0]) && (failedStep is not int s || leads[m.Id][0].Step == s))
            .Select(m => leads[m.Id][0].Line).Order().Distinct().ToList();
        var ranked = new List<RankedMode>();
        foreach (var mode in candidates)
        {
            var list = leads[mode.Id];
            var lead = list[0];
            double score = options.SeverityWeight[(int)mode.Severity];
            score += Specificity(lead);
            if (failedStep is int fs)
            {
                score += lead.Step == fs ? options.InFailedStep : -options.OtherStep;
            }
            if (failureLine is long fl && lead.Line <= fl)
            {
                score += options.Nearness * Math.Pow(0.5, (fl - lead.Line) / options.NearnessHalfLife);
            }
            bool incidental = AfterTheFact(list, log);
            if (incidental)
            {
                // Found only in steps that passed, or after the failure was reported (cleanup,
                // after_failure): it did not fail this job, though it may be worth a look.
                score -= options.NotTheFailure;
            }
            if (IsWrapper(mode, lead))
            {
                score -= options.Wrapper;
            }
            else if (mode.Kind == "other")
            {
                // DESIGN.md: the most specific mechanism wins; `other` is the vocabulary's catch-all.
                score -= options.OtherKind;
            }
            if (IsWarning(lead.Text) && FarFromTheFailure(lead, log, options.WarningReach))
            {
                // A warning printed long before the job stopped did not stop it (a KVM or
                // deprecation warning at start-up); right before the failure it may be the cause.
                score -= options.Warning;
            }
            if (structure is not null)
            {
                // Two modes on one line ("Preparation failed: No such image"): the one the CI
                // system's own report agrees with (a system failure: the environment's) wins.
                score += options.StructureAgreement * structure(mode);
            }
            int order = fatalLines.IndexOf(lead.Line);
            score += order switch { 0 => options.FirstError, 1 => options.FirstError / 2, _ => 0 };
            ranked.Add(new RankedMode(mode, list, counts.GetValueOrDefault(mode.Id, list.Count), score, incidental));
        }
        return ranked
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Lead.Line)
            .ThenBy(r => r.Mode.Id, StringComparer.Ordinal)
            .ToArray();
    }

    private static bool AfterTheFact(IReadOnlyList<Finding> findings, JobLog? log)
    {
        if (findings.All(f => f.Familiar))
        {
            // The passing run printed the same lines.
            return true;
        }
        if (log is null || log.Status != RunStatus.Failed || findings.Any(f => f.Line == 0))
        {
            return false;
        }
        return findings.All(f =>
            (log.FailureLine is long fl && f.Line > fl)
            || (f.Step >= 0 && f.Step < log.Steps.Count && log.Steps[f.Step].Status == RunStatus.Passed));
    }

    // New findings (absent from the baseline) first, then those in the failed step (in line order), then the others in line order.
    private static List<Finding> OrderFindings(IReadOnlyList<Finding> findings, int? failedStep) =>
        findings.OrderBy(f => f.Familiar ? 1 : 0).ThenBy(f => failedStep is int s && f.Step == s ? 0 : 1).ThenBy(f => f.Line).ToList();

    /// <summary>
    /// A mode that reports that a command failed rather than why, as the catalog writes them:
    /// kind <c>other</c> at low severity (<c>make: ***</c>, <c>code ELIFECYCLE</c>, a Gradle task or
    /// Maven goal that failed), or a lead line that is an exit report at medium severity or less
    /// (a Nix builder's exit code). A mode marked high names a mechanism even when its line is an
    /// exit code (137: the OOM killer).
    /// </summary>
    internal static bool IsWrapper(FailureMode mode, Finding lead) =>
        (mode.Kind == "other" && mode.Severity == Severity.Low) || (mode.Severity <= Severity.Medium && LineScorer.IsWrapper(lead.Text));

    /// <summary>A line that warns (a warning, a deprecation notice) and has no error word: it did not stop the job.</summary>
    internal static bool IsWarning(string text) => text.Length < 2000 && WarningLine().IsMatch(text) && !ErrorWord().IsMatch(text);

    // The failure point is the failure report, else the end of the log (an excerpt ends where it failed).
    private static bool FarFromTheFailure(Finding lead, JobLog? log, int reach)
    {
        if (log is null || lead.Line <= 0)
        {
            return false;
        }
        if (log.FailedStep is int fs && lead.Step >= 0 && lead.Step != fs)
        {
            return true;
        }
        long failure = log.FailureLine ?? log.LineCount;
        return failure - lead.Line > reach;
    }

    private static bool IsFatal(FailureMode mode, Finding lead) =>
        mode.Severity >= Severity.Medium && !IsWrapper(mode, lead) && !IsWarning(lead.Text);

    [GeneratedRegex(@"(?i)\bwarn(?:ing)?s?\b|\bdeprecat\w*|\w+Warning\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex WarningLine();

    [GeneratedRegex(@"(?i)\b(?:error|errors|fatal|failed|failure|exception|panic|killed|denied|refused)\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ErrorWord();

    // Longer, captured matches say more than a short generic phrase.
    private static double Specificity(Finding lead) => Math.Min(6, lead.Captures.Count * 2);
}
