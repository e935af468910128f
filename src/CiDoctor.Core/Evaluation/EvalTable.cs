namespace CiDoctor.Core.Evaluation;

/// <summary>One row of a set's table: a figure of CiDoctor and the same figure of each baseline.</summary>
/// <param name="Baselines">One cell per column of the table; null where that baseline has no such figure.</param>
/// <param name="Count">How many values CiDoctor's figure is the mean of (cases, or red herrings).</param>
internal sealed record EvalRow(string Figure, double Value, IReadOnlyList<EvalCell?> Baselines, int Count);

/// <summary>A baseline's figure; <paramref name="Extra"/> when the reference scorer does not compute it.</summary>
internal sealed record EvalCell(double Value, bool Extra, int Count);

/// <summary>
/// A set's figures laid out for text and markdown: one row per figure, CiDoctor beside every
/// baseline computed on the same cases. A row exists only when at least one baseline has the figure.
/// </summary>
internal sealed record EvalTable(string Set, int Cases, int Errors, IReadOnlyList<string> Columns, IReadOnlyList<EvalRow> Rows)
{
    private static readonly string[] LineFigures = ["hit@5", "hit@10", "p@10", "evidence_lines"];
    private static readonly string[] CauseFigures = ["kind_acc", "origin_acc", "evidence_recall", "red_herring_rate", "step_acc", "exit_acc"];
    private const string Majority = "majority";

    /// <summary>The tables of every set that has cases, in <see cref="EvalSets.Names"/> order.</summary>
    public static IReadOnlyList<EvalTable> Of(EvalReport report) =>
        report.CasesPerSet.Keys.OrderBy(s => IndexOf(EvalSets.Names, s)).Select(s => Of(report, s)).ToList();

    public static EvalTable Of(EvalReport report, string set)
    {
        bool lines = EvalSets.IsLineLabelled(set);
        var figures = lines ? LineFigures : CauseFigures;
        var candidates = lines ? LineBaselines.Names : [Majority, .. LineBaselines.Names];
        var columns = candidates.Where(b => figures.Any(f => report.Value($"{set}.base.{b}.{f}") is not null)).ToList();
        var rows = new List<EvalRow>();
        foreach (string figure in figures)
        {
            string key = $"{set}.{figure}";
            if (report.Value(key) is not double value)
            {
                continue;
            }
            var cells = columns.Select(b => Cell(report, $"{set}.base.{b}.{figure}")).ToList();
            if (cells.Any(c => c is not null))
            {
                rows.Add(new EvalRow(figure, value, cells, report.Counts[key]));
            }
        }
        int errors = (int)(report.Value($"{set}.errors") ?? 0);
        return new EvalTable(set, report.CasesPerSet.GetValueOrDefault(set), errors, columns, rows);
    }

    /// <summary>Lower is better for this figure (a red herring shown as the cause).</summary>
    public static bool LowerIsBetter(string figure) => figure == "red_herring_rate";

    /// <summary>Notes for the table's reader: baselines computed on fewer cases, baselines the reference scorer lacks.</summary>
    public IReadOnlyList<string> Notes(bool usePass)
    {
        var notes = new List<string>();
        for (int c = 0; c < Columns.Count; c++)
        {
            var counts = Rows.Where(r => r.Baselines[c] is not null).Select(r => (r.Count, Baseline: r.Baselines[c]!.Count)).ToList();
            if (Columns[c] != Majority && counts.Any(p => p.Baseline < p.Count))
            {
                notes.Add($"{Columns[c]}: only on the {counts.Min(p => p.Baseline)} case(s) that have a pass.log.");
            }
        }
        if (!usePass && Columns.Contains(LineBaselines.Diff))
        {
            notes.Add("diff baselines read pass.log; CiDoctor was not given it (--no-pass).");
        }
        if (Rows.Any(r => r.Baselines.Any(b => b is { Extra: true })))
        {
            notes.Add("* a baseline score.py does not compute, added so that every figure has one.");
        }
        return notes;
    }

    /// <summary>What the figure means, for a one-line legend.</summary>
    public static string Describe(string figure) => figure switch
    {
        "hit@5" or "hit@10" => $"share of cases with a labelled error line among the first {figure[4..]} evidence lines",
        "p@10" => "share of the first 10 evidence lines inside labelled error or context ranges",
        "evidence_lines" => "mean number of evidence lines shown",
        "kind_acc" => "root-cause kind right (or an accepted alternative)",
        "origin_acc" => "environment vs not right",
        "evidence_recall" => "share of labelled evidence substrings shown",
        "red_herring_rate" => "a labelled red herring shown as cause (lower is better)",
        "step_acc" => "failed step right",
        "exit_acc" => "exit code right",
        _ => figure,
    };

    private static EvalCell? Cell(EvalReport report, string key) =>
        report.Value(key) is double v ? new EvalCell(v, report.IsExtra(key), report.Counts[key]) : null;

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }
        return list.Count;
    }
}
