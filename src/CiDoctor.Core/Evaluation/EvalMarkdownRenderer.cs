using System.Globalization;

namespace CiDoctor.Core.Evaluation;

/// <summary>
/// The report for docs: per set, a markdown table of figures with CiDoctor beside each baseline.
/// It holds no timing, so the same cases and the same build always give the same file.
/// </summary>
public static class EvalMarkdownRenderer
{
    public static void Render(EvalReport report, TextWriter output)
    {
        output.WriteLine($"# CiDoctor eval: `{report.Root}`");
        output.WriteLine();
        output.WriteLine($"{report.Cases} cases; {EvalTextRenderer.PassNote(report.UsePass)}. Figures as `score.py` computes them.");
        var figures = new List<string>();
        foreach (var table in EvalTable.Of(report))
        {
            output.WriteLine();
            output.WriteLine($"## {table.Set}: {table.Cases} cases, {table.Errors} errors");
            output.WriteLine();
            output.WriteLine("| figure | CiDoctor | " + string.Join(" | ", table.Columns) + " | n |");
            output.WriteLine("|---|" + string.Concat(Enumerable.Repeat("---:|", table.Columns.Count + 2)));
            foreach (var r in table.Rows)
            {
                if (!figures.Contains(r.Figure))
                {
                    figures.Add(r.Figure);
                }
                var cells = r.Baselines.Select(b => b is null ? "–" : EvalTextRenderer.Format(b.Value) + (b.Extra ? "\\*" : ""));
                output.WriteLine($"| {r.Figure} | **{EvalTextRenderer.Format(r.Value)}** | {string.Join(" | ", cells)} | {r.Count.ToString(CultureInfo.InvariantCulture)} |");
            }
            if (report.Reliability.FirstOrDefault(r => r.Set == table.Set) is { } reliability)
            {
                output.WriteLine();
                output.WriteLine("Reliability (accuracy per confidence band):");
                output.WriteLine();
                output.WriteLine("| " + string.Join(" | ", ReliabilityRows.Header) + " |");
                output.WriteLine("|---|" + string.Concat(Enumerable.Repeat("---:|", ReliabilityRows.Header.Count - 1)));
                foreach (var row in ReliabilityRows.Of(reliability))
                {
                    output.WriteLine("| " + string.Join(" | ", row) + " |");
                }
                output.WriteLine();
                output.WriteLine(ReliabilityRows.Summary(reliability) + ".");
            }
            var notes = table.Notes(report.UsePass);
            if (notes.Count > 0)
            {
                output.WriteLine();
                foreach (string note in notes)
                {
                    output.WriteLine("- " + note.Replace("*", "\\*", StringComparison.Ordinal));
                }
            }
        }
        if (figures.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Figures: " + string.Join("; ", figures.Select(f => $"`{f}` {EvalTable.Describe(f)}")) + ".");
        }
        if (report.Errors.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"## Errors ({report.Errors.Count})");
            output.WriteLine();
            foreach (string e in report.Errors)
            {
                output.WriteLine($"- `{e.Replace("`", "'", StringComparison.Ordinal)}`");
            }
        }
    }
}
