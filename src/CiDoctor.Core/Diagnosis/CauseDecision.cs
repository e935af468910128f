using CiDoctor.Core.Matching;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Diagnosis;

/// <summary>
/// What a failed job's diagnosis names, from the best-ranked mode and the structural verdict:
/// the more confident of the two explanations is the root cause (a structural one only when the
/// structure itself names a kind, e.g. exit code 127); below
/// <see cref="DiagnosisOptions.NotRecognisedBelow"/> none is named. The origin is the named
/// cause's, else the structure's, else unknown.
/// </summary>
/// <param name="Mode">The mode whose evidence leads the report; null when the cause is structural or not recognised.</param>
/// <param name="Cause">The root cause; null when not recognised.</param>
/// <param name="Origin">Whose the failure is.</param>
/// <param name="OriginReason">Why, when no cause is named.</param>
/// <param name="Symptom">A timing symptom next to a failing test (it made the cause a flaky test), for evidence.</param>
internal sealed record CauseDecision(RankedMode? Mode, RootCause? Cause, Origin Origin, string? OriginReason, ContextLine? Symptom)
{
    public static CauseDecision Decide(JobEvidence job, RankedMode? root, IReadOnlyList<RankedMode> ranked, StructuralVerdict? structure, DiagnosisOptions options)
    {
        RootCause? fromMode = null;
        ContextLine? symptom = null;
        if (root is not null)
        {
            double confidence = ConfidenceSignals.Of(root, ranked, job.Log, structure, options).Confidence(options.Confidence);
            fromMode = FromMode(job, root, Math.Round(Math.Clamp(confidence, 0.05, 0.97), 2));
            if (root.Mode.Kind == "test-failure" && TimingSymptoms.Near(root.Lead, job.Scan) is { } line)
            {
                // DESIGN.md: a failing test is a flaky one only when the log shows a timing symptom.
                symptom = line;
                fromMode = fromMode with
                {
                    Kind = "flaky-test",
                    Explanation = $"{fromMode.Explanation} Next to it the log shows a timing symptom (line {line.Line}): the test depends on timing, so it may pass on a rerun.",
                };
            }
        }
        // Said of the modes before the structure's own sentence.
        string matched = root is null ? "No catalog mode matched" : $"Only a generic mode matched (\"{root.Mode.Title}\")";
        RootCause? fromStructure = structure is { Kind: not null } s
            ? new RootCause(s.Id, s.Kind, s.Title, s.Confidence, $"{matched}; {s.Explanation}", [], s.Actions, null, Severity.Medium)
            : null;

        // A structure that names a kind beats a weaker mode, and always a generic one: a runner
        // the CI system reports lost explains the exit report a wrapper mode matched.
        bool structureWins = fromStructure is not null
            && (fromMode is null || fromStructure.Confidence > fromMode.Confidence || ConfidenceSignals.IsGeneric(root!));
        var cause = structureWins ? fromStructure : fromMode;
        if (cause is not null && cause.Confidence < options.NotRecognisedBelow)
        {
            return NotRecognised(root, cause, structure, structureWins);
        }
        if (cause is null)
        {
            return new CauseDecision(null, null, structure?.Origin ?? Origin.Unknown,
                structure is null ? null : $"No catalog mode matched; {structure.Explanation}", null);
        }
        if (structureWins)
        {
            return new CauseDecision(null, cause, structure!.Origin, null, null);
        }
        var origin = symptom is not null ? Origin.Flaky : root!.Mode.Origin;
        return new CauseDecision(root, cause, origin, null, symptom);
    }

    // Too weak to name: no root cause. The origin is still the better-founded side: the
    // structure's when it is at least as sure as the weak mode, else the mode's (a generic mode
    // still knows that an unreachable Docker daemon is the environment's).
    private static CauseDecision NotRecognised(RankedMode? root, RootCause cause, StructuralVerdict? structure, bool structureWins)
    {
        if (root is null || structureWins || (structure is not null && structure.Confidence >= cause.Confidence))
        {
            string reason = structure is null
                ? "No catalog mode explains the failure with confidence, and the job's structure says nothing of whose it is."
                : $"No catalog mode explains the failure with confidence; {structure.Explanation}";
            return new CauseDecision(null, null, structure?.Origin ?? Origin.Unknown, reason, null);
        }
        string weak = $"No catalog mode explains the failure with confidence; the closest, \"{root.Mode.Title}\" (line {root.Lead.Line}), says that it is the {Names.Of(root.Mode.Origin)}'s.";
        return new CauseDecision(null, null, root.Mode.Origin, weak, null);
    }

    private static RootCause FromMode(JobEvidence job, RankedMode root, double confidence)
    {
        var mode = root.Mode;
        var factors = new List<string>();
        for (int i = 0; i < mode.Factors.Count; i++)
        {
            if (job.Scan?.Factors.ContainsKey((mode.Id, i)) == true)
            {
                factors.Add(mode.Factors[i].Text!);
            }
        }
        string explanation = ExplainTemplate.Render(mode.Explain ?? mode.Title, root.Lead.Captures);
        return new RootCause(mode.Id, mode.Kind, mode.Title, confidence, explanation, factors, mode.Actions, mode.Principle, mode.Severity);
    }
}
