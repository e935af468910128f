using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CiDoctor.Core.Diff;
using CiDoctor.Core.Evaluation;
using CiDoctor.Core.Logs;
using DiffPlex;

namespace CiDoctor.Core.Tests.Diff;

/// <summary>
/// Measures <see cref="LogDiff"/> on the CiDiff cases (pass.log vs fail.log, error lines labelled):
/// how many labelled error lines it reports as new (recall), and how many lines it reports,
/// beside a plain LCS line diff (DiffPlex) of the raw files and of the cleaned lines (ANSI codes
/// and timestamp prefixes removed, nothing masked). The figures of docs/ACCURACY.md.
/// </summary>
internal static partial class DiffAccuracy
{
    public sealed record Case(string Name, string Subset, int ErrorLines, int ErrorLinesFound, int Ours, int PlainLcs, int CleanLcs, int LcsErrorLinesFound);

    public static List<Case> Measure(string dev)
    {
        var cases = new List<Case>();
        foreach (var c in EvalCaseFinder.Find(dev, EvalSets.CiDiff).Where(c => c.HasPassLog && c.Truth is not null))
        {
            var errors = c.Truth!.ErrorLines.SelectMany(r => Range(r)).ToHashSet();
            var diff = LogDiff.Compare(LogSource.FromFile(c.PassLog, "pass.log"), LogSource.FromFile(c.FailLog, "fail.log"));
            var ours = diff.NewLines.Select(l => l.Line).ToHashSet();
            var plain = AddedLines(RawLines(c.PassLog), RawLines(c.FailLog));
            var clean = AddedLines(CleanLines(c.PassLog), CleanLines(c.FailLog));
            cases.Add(new Case(c.Name, c.Name.Split('/')[1], errors.Count, errors.Count(ours.Contains), ours.Count, plain.Count, clean.Count, errors.Count(plain.Contains)));
        }
        return cases;
    }

    /// <summary>Recall pooled over all labelled lines of the cases (each labelled line counts once).</summary>
    public static double Recall(IEnumerable<Case> cases) =>
        (double)cases.Sum(c => c.ErrorLinesFound) / Math.Max(1, cases.Sum(c => c.ErrorLines));

    public static string Table(List<Case> cases)
    {
        var text = new StringBuilder();
        text.AppendLine("| set | cases | error lines | recall (pooled) | recall (mean of cases) | lines reported: cidoctor diff | plain LCS (raw files) | LCS of cleaned lines | LCS recall |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in cases.GroupBy(c => c.Subset).Append(cases.GroupBy(_ => "all").Single()))
        {
            var g = group.ToList();
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key} | {g.Count} | {g.Sum(c => c.ErrorLines)} | {Recall(g):0.000} | {g.Average(c => (double)c.ErrorLinesFound / c.ErrorLines):0.000} | " +
                $"{g.Sum(c => c.Ours)} | {g.Sum(c => c.PlainLcs)} | {g.Sum(c => c.CleanLcs)} | {(double)g.Sum(c => c.LcsErrorLinesFound) / g.Sum(c => c.ErrorLines):0.000} |"));
        }
        return text.ToString();
    }

    private static IEnumerable<long> Range(LineRange r)
    {
        for (long n = r.Start; n <= r.End; n++)
        {
            yield return n;
        }
    }

    // Fail-log line numbers (1-based) a plain LCS diff marks as inserted.
    private static HashSet<long> AddedLines(List<string> pass, List<string> fail)
    {
        var result = new Differ().CreateLineDiffs(string.Join('\n', pass), string.Join('\n', fail), ignoreWhitespace: false);
        var added = new HashSet<long>();
        foreach (var block in result.DiffBlocks)
        {
            for (int k = 0; k < block.InsertCountB; k++)
            {
                added.Add(block.InsertStartB + k + 1);
            }
        }
        return added;
    }

    // Universal line breaks, as truth.json numbers lines.
    private static List<string> RawLines(string path)
    {
        var lines = LineBreak().Split(File.ReadAllText(path)).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return lines;
    }

    private static List<string> CleanLines(string path)
    {
        using var session = new LogReadSession(LogSource.FromFile(path, Path.GetFileName(path)));
        return session.ReadLines().Select(l => l.Text).ToList();
    }

    [GeneratedRegex("\r\n|\r|\n")]
    private static partial Regex LineBreak();
}
