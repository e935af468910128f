namespace CiDoctor.Core.Diff;

/// <summary>Tunables of <see cref="LogDiff"/>; the defaults are what <c>cidoctor diff</c> uses.</summary>
public sealed record LogDiffOptions
{
    /// <summary>The log format of both logs (<c>--ci</c>); detected from each log's head when null.</summary>
    public string? Ci { get; init; }

    /// <summary>Unchanged lines shown before and after new lines in a hunk.</summary>
    public int ContextLines { get; init; } = 3;

    /// <summary>
    /// A fail line not in the pass log is "updated" (not new) when its masked tokens are at least
    /// this similar to a removed pass line nearby (1 − token edit distance / longer length). 0.8
    /// lets one token in five change ("Downloaded 3 of 5 files" → "Downloaded 3 of 6 files" is
    /// already equal once masked; "ok pkg/a" → "FAIL pkg/a" is not, see <see cref="LogDiff"/>).
    /// </summary>
    public double UpdateSimilarity { get; init; } = 0.8;

    /// <summary>Removed pass lines compared with each candidate, nearest to its expected position first.</summary>
    public int UpdateCandidates { get; init; } = 64;

    /// <summary>Largest exact LCS table (cells) for a range without unique anchor lines: 4 M ints, 16 MB.</summary>
    public long MaxTableCells { get; init; } = 4L << 20;

    /// <summary>Longest line text kept for output, as in the JSON contract; longer lines end with <c>…</c>.</summary>
    public int MaxTextLength { get; init; } = 2000;
}
