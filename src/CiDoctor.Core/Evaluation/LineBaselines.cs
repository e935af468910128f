namespace CiDoctor.Core.Evaluation;

/// <summary>
/// The simple line pickers a diagnosis is compared with (<c>baseline_lines</c> in the reference
/// scorer), each giving at most k 1-based line numbers of fail.log:
/// <list type="bullet">
/// <item><c>tail</c>: the last k non-blank lines;</item>
/// <item><c>keyword</c>: the last k lines with an error word;</item>
/// <item><c>diff</c> (with a pass log): the first k non-blank lines whose masked form the pass log lacks;</item>
/// <item><c>diff+keyword</c>: the first k of those with an error word.</item>
/// </list>
/// </summary>
internal static class LineBaselines
{
    public const string Tail = "tail";
    public const string Keyword = "keyword";
    public const string Diff = "diff";
    public const string DiffKeyword = "diff+keyword";

    /// <summary>Every baseline name, in the order reports show them.</summary>
    public static readonly IReadOnlyList<string> Names = [Tail, Keyword, Diff, DiffKeyword];

    /// <summary>The baselines' lines, in the reference order (tail, keyword, then diff ones when <paramref name="passLines"/> is given).</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<long> Lines)> Pick(IReadOnlyList<string> lines, IReadOnlyList<string>? passLines, int k)
    {
        var nonBlank = new List<long>();
        var keyword = new List<long>();
        for (int i = 0; i < lines.Count; i++)
        {
            if (PyText.HasText(lines[i]))
            {
                nonBlank.Add(i + 1);
            }
            if (PyText.HasKeyword(lines[i]))
            {
                keyword.Add(i + 1);
            }
        }
        var result = new List<(string, IReadOnlyList<long>)> { (Tail, Last(nonBlank, k)), (Keyword, Last(keyword, k)) };
        if (passLines is not null)
        {
            var seen = passLines.Select(PyText.Normalise).ToHashSet(StringComparer.Ordinal);
            var added = nonBlank.Where(n => !seen.Contains(PyText.Normalise(lines[(int)n - 1]))).ToList();
            result.Add((Diff, added.Take(k).ToArray()));
            result.Add((DiffKeyword, added.Where(n => PyText.HasKeyword(lines[(int)n - 1])).Take(k).ToArray()));
        }
        return result;
    }

    private static long[] Last(List<long> lines, int k) => lines.Skip(Math.Max(0, lines.Count - k)).ToArray();
}
