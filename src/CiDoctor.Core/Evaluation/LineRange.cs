namespace CiDoctor.Core.Evaluation;

/// <summary>An inclusive range of 1-based line numbers from truth.json: <c>[12, 15]</c> is lines 12 to 15.</summary>
public readonly record struct LineRange(long Start, long End)
{
    public bool Contains(long line) => Start <= line && line <= End;

    /// <summary><c>in_ranges(n, ranges)</c>; a line-less entry (null) is in no range.</summary>
    public static bool AnyContains(IReadOnlyList<LineRange> ranges, long? line) =>
        line is long n && ranges.Any(r => r.Contains(n));
}
