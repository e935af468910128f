namespace CiDoctor.Core.Evaluation;

/// <summary>
/// The per-case part of the reference scorer: the values one case adds to each figure and to
/// its baselines. Line-labelled cases (cidiff, logchunks) are scored on where the evidence lines
/// are; cause-labelled cases (issues, formats) on the root-cause kind, origin, evidence text,
/// failed step and exit code. A case whose diagnosis failed is scored with no job, as the
/// reference scorer does.
/// </summary>
public static class CaseScorer
{
    /// <summary>Evidence lines and baseline lines looked at: hit@5, and hit@10 and p@10.</summary>
    private const int Short = 5, Long = 10;

    public static IReadOnlyList<EvalValue> Score(EvalCase c, EvalJob? job)
    {
        if (c.Truth is null)
        {
            return [];
        }
        var values = new List<EvalValue>();
        if (EvalSets.IsLineLabelled(c.Set))
        {
            ScoreLines(c, c.Truth, job, values);
        }
        else
        {
            ScoreCause(c, c.Truth, job, values);
        }
        return values;
    }

    private static void ScoreLines(EvalCase c, EvalTruth truth, EvalJob? job, List<EvalValue> values)
    {
        var error = truth.ErrorLines;
        var context = truth.ContextLines;
        if (error.Count == 0)
        {
            return;
        }
        string set = c.Set;
        var lines = (job?.Evidence ?? []).Select(e => e.Line).ToList();
        values.Add(new($"{set}.hit@{Short}", Hit(lines.Take(Short), error)));
        values.Add(new($"{set}.hit@{Long}", Hit(lines.Take(Long), error)));
        values.Add(new($"{set}.p@{Long}", Precision(lines.Take(Long).ToList(), error, context)));
        values.Add(new($"{set}.evidence_lines", lines.Count));

        var fail = PyText.ReadLines(c.FailLog);
        // The reference scorer diffs against pass.log whenever it exists, whether or not the
        // diagnosis was given it (--no-pass / no --with-pass).
        var pass = c.HasPassLog ? PyText.ReadLines(c.PassLog) : null;
        foreach (var (name, picked) in LineBaselines.Pick(fail, pass, Long))
        {
            var asLines = picked.Select(n => (long?)n).ToList();
            values.Add(new($"{set}.base.{name}.hit@{Long}", Hit(asLines, error)));
            values.Add(new($"{set}.base.{name}.p@{Long}", Precision(asLines, error, context)));
            values.Add(new($"{set}.base.{name}.evidence_lines", asLines.Count, Extra: true));
        }
        foreach (var (name, picked) in LineBaselines.Pick(fail, pass, Short))
        {
            values.Add(new($"{set}.base.{name}.hit@{Short}", Hit(picked.Select(n => (long?)n), error)));
        }
    }

    private static int Hit(IEnumerable<long?> lines, IReadOnlyList<LineRange> error) =>
        lines.Any(n => LineRange.AnyContains(error, n)) ? 1 : 0;

    /// <summary>Share of the lines inside an error or a context range; 0 when there are none.</summary>
    private static double Precision(IReadOnlyList<long?> lines, IReadOnlyList<LineRange> error, IReadOnlyList<LineRange> context) =>
        lines.Count == 0 ? 0.0 : (double)lines.Count(n => LineRange.AnyContains(error, n) || LineRange.AnyContains(context, n)) / lines.Count;

    /// <summary>
    /// The confidence of a cause-labelled case's root cause beside whether its kind and origin
    /// were right, for the reliability table; null for line-labelled cases or without truth.
    /// </summary>
    public static CalibrationPoint? Calibrate(EvalCase c, EvalJob? job) =>
        c.Truth is null || EvalSets.IsLineLabelled(c.Set) ? null
            : new CalibrationPoint(job?.Confidence, KindRight(c.Truth, job), OriginRight(c.Truth, job));

    private static bool? KindRight(EvalTruth truth, EvalJob? job)
    {
        if (truth.Category is not { } category)
        {
            return null;
        }
        string? got = job?.Kind;
        return got == category || (got is not null && truth.AltCategories.Contains(got))
            || (category == "nix-cascade" && got == "nix-build"); // a cascade is reported as the build that failed
    }

    private static bool? OriginRight(EvalTruth truth, EvalJob? job)
    {
        if (truth.Environmental is not bool environmental)
        {
            return null;
        }
        string? origin = job?.Origin;
        return (origin == "environment") == environmental && origin is not null and not "unknown";
    }

    private static void ScoreCause(EvalCase c, EvalTruth truth, EvalJob? job, List<EvalValue> values)
    {
        string set = c.Set;
        if (KindRight(truth, job) is bool kind)
        {
            values.Add(new($"{set}.kind_acc", kind ? 1 : 0));
        }
        if (OriginRight(truth, job) is bool origin)
        {
            values.Add(new($"{set}.origin_acc", origin ? 1 : 0));
        }
        var evidence = job?.Evidence ?? [];
        ScoreTexts(set, "", Join(evidence), Join(evidence.Where(e => e.IsCause)), truth, values, extra: false);
        if (truth.FailedStep is { } step)
        {
            string got = PyText.Strip(job?.FailedStep ?? "").ToLowerInvariant();
            string expected = PyText.Strip(step).ToLowerInvariant();
            bool right = got.Length > 0 && (got.Contains(expected, StringComparison.Ordinal) || expected.Contains(got, StringComparison.Ordinal));
            values.Add(new($"{set}.step_acc", right ? 1 : 0));
        }
        if (truth.ExitCode is long exit)
        {
            values.Add(new($"{set}.exit_acc", job?.ExitCode == exit ? 1 : 0));
        }
        if (truth.Evidence.Count > 0 || truth.RedHerrings.Count > 0)
        {
            // Baselines for the text figures: the lines a baseline picks are all it shows, so all are cause lines.
            var fail = PyText.ReadLines(c.FailLog);
            var pass = c.HasPassLog ? PyText.ReadLines(c.PassLog) : null;
            foreach (var (name, picked) in LineBaselines.Pick(fail, pass, Long))
            {
                string text = string.Join(" \n", picked.Select(n => fail[(int)n - 1]));
                ScoreTexts(set, $"base.{name}.", text, text, truth, values, extra: true);
            }
        }
    }

    /// <summary>Evidence recall (labelled substrings shown) and red-herring rate (a red herring shown as cause, and no labelled evidence).</summary>
    private static void ScoreTexts(string set, string prefix, string texts, string causeTexts, EvalTruth truth, List<EvalValue> values, bool extra)
    {
        var want = truth.Evidence;
        if (want.Count > 0)
        {
            values.Add(new($"{set}.{prefix}evidence_recall", (double)want.Count(w => texts.Contains(w, StringComparison.Ordinal)) / want.Count, extra));
        }
        bool causeShown = want.Any(w => causeTexts.Contains(w, StringComparison.Ordinal));
        foreach (string herring in truth.RedHerrings)
        {
            values.Add(new($"{set}.{prefix}red_herring_rate", causeTexts.Contains(herring, StringComparison.Ordinal) && !causeShown ? 1 : 0, extra));
        }
    }

    private static string Join(IEnumerable<EvalEvidence> evidence) => string.Join(" \n", evidence.Select(e => e.Text));
}
