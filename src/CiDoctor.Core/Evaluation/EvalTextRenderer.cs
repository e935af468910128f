using System.Globalization;

namespace CiDoctor.Core.Evaluation;

/// <summary>
/// The terminal view: per set, a table of figures with CiDoctor beside each baseline, then the
/// errors. The only part that changes between runs is the timing (in-process seconds).
/// </summary>
public static class EvalTextRenderer
{
    private const int MaxErrors = 10;

    public static void Render(EvalReport report, TextWriter output)
    {
        output.WriteLine($"CiDoctor eval of {report.Root}: {report.Cases} cases, {PassNote(report.UsePass)}");
        foreach (var table in EvalTable.Of(report))
        {
            output.WriteLine();
            string timing = report.SecondsPerCase.TryGetValue($"{table.Set}.seconds", out double s)
                ? $", {Format(s)} s per case in-process (no process start)"
                : "";
            output.WriteLine($"{table.Set}: {table.Cases} cases, {table.Errors} errors{timing}");
            WriteTable(table, output);
            foreach (string note in table.Notes(report.UsePass))
            {
                output.WriteLine("  " + note);
            }
            if (report.Reliability.FirstOrDefault(r => r.Set == table.Set) is { } reliability)
            {
                WriteReliability(reliability, output);
            }
        }
        if (report.Errors.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"{report.Errors.Count} case(s) could not be diagnosed:");
            foreach (string e in report.Errors.Take(MaxErrors))
            {
                output.WriteLine("  " + e);
            }
            if (report.Errors.Count > MaxErrors)
            {
                output.WriteLine($"  … and {report.Errors.Count - MaxErrors} more (--format json lists them all)");
            }
        }
        if (report.WallSeconds is double wall)
        {
            output.WriteLine();
            output.WriteLine($"{Format(wall)} s in all");
        }
    }

    internal static string PassNote(bool usePass) =>
        usePass ? "pass.log given to the diagnosis as --baseline where present" : "pass.log not given to the diagnosis (--no-pass)";

    private static void WriteTable(EvalTable table, TextWriter output)
    {
        var header = new List<string> { "figure", "CiDoctor" };
        header.AddRange(table.Columns);
        header.Add("n");
        var rows = table.Rows.Select(r =>
        {
            var cells = new List<string> { r.Figure + (EvalTable.LowerIsBetter(r.Figure) ? " (lower is better)" : ""), Format(r.Value) };
            cells.AddRange(r.Baselines.Select(b => b is null ? "-" : Format(b.Value) + (b.Extra ? "*" : "")));
            cells.Add(r.Count.ToString(CultureInfo.InvariantCulture));
            return cells;
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToList();
        output.WriteLine(Line(header, widths));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths));
        }
    }

    private static void WriteReliability(Reliability reliability, TextWriter output)
    {
        output.WriteLine("  reliability: accuracy per confidence band");
        var rows = ReliabilityRows.Of(reliability).Select(r => r.ToList()).ToList();
        var header = ReliabilityRows.Header.ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToList();
        output.WriteLine("  " + Line(header, widths));
        foreach (var row in rows)
        {
            output.WriteLine("  " + Line(row, widths));
        }
        output.WriteLine("  " + ReliabilityRows.Summary(reliability));
    }

    // The first column is left-aligned, the numbers right-aligned.
    private static string Line(List<string> cells, List<int> widths) =>
        "  " + string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i])));

    internal static string Format(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
