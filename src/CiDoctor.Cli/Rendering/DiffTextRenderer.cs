using System.Globalization;
using CiDoctor.Core.Diff;
using CiDoctor.Core.Reports;
using Spectre.Console;

namespace CiDoctor.Cli.Rendering;

/// <summary>
/// The terminal view of a log diff: one summary line, then each hunk as fail-log lines with their
/// numbers, new lines marked <c>+</c> (green on a terminal), context lines indented.
/// <code>
/// pass.log → fail.log: 87 new lines in 6 hunks (846 lines; 700 unchanged, 35 moved, 24 updated)
///
/// @@ fail.log 809–830 (12 new) @@
///    809   #6 [2/3] RUN apk add --no-cache git openssh
///  + 810   #6 ERROR: failed to copy: httpReadSeeker: failed open: …
/// </code>
/// </summary>
public sealed class DiffTextRenderer(bool color) : IRenderer<LogDiffResult>
{
    public void Render(LogDiffResult diff, TextWriter output)
    {
        // Log lines are never wrapped: they are quoted, not laid out.
        var console = Terminal.Create(output, color, int.MaxValue / 2);
        var s = diff.Summary;
        console.MarkupLine($"[bold]{Markup.Escape(diff.Pass)} → {Markup.Escape(diff.Fail)}[/]: {s.New} new line(s) in {diff.Hunks.Count} hunk(s) " +
            $"({s.FailLines} lines; {s.Unchanged} unchanged, {s.Moved} moved, {s.Updated} updated)");
        if (diff.Hunks.Count == 0)
        {
            console.MarkupLine("Nothing new: every line of the failing log is in the passing log (masked), moved or updated.");
            return;
        }
        int width = diff.Hunks[^1].End.ToString(CultureInfo.InvariantCulture).Length;
        foreach (var hunk in diff.Hunks)
        {
            console.WriteLine();
            console.MarkupLine($"[cyan]@@ {Markup.Escape(diff.Fail)} {hunk.Start}–{hunk.End} ({hunk.New} new) @@[/]");
            foreach (var line in hunk.Lines)
            {
                string number = line.Line.ToString(CultureInfo.InvariantCulture).PadLeft(width);
                string text = Markup.Escape(line.Text);
                console.MarkupLine(line.IsNew ? $"[green] + {number}  {text}[/]" : $"[grey]   {number}  {text}[/]");
            }
        }
    }
}
