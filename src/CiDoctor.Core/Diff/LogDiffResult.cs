namespace CiDoctor.Core.Diff;

/// <summary>One fail-log line shown by a diff: new, or context around new lines.</summary>
/// <param name="Line">1-based line number in the fail log (the numbering of <c>diagnose</c>).</param>
/// <param name="Text">The cleaned line with secrets masked, cut at 2,000 characters.</param>
public sealed record DiffLine(long Line, string Text, bool IsNew);

/// <summary>A run of new lines (with at most 2 × context unchanged lines between them) and their context.</summary>
public sealed record DiffHunk(IReadOnlyList<DiffLine> Lines)
{
    public long Start => Lines[0].Line;

    public long End => Lines[^1].Line;

    public int New => Lines.Count(l => l.IsNew);
}

/// <summary>
/// How the fail log's lines relate to the pass log. <see cref="Unchanged"/>, <see cref="Moved"/>,
/// <see cref="Updated"/> and <see cref="New"/> count non-blank and blank fail lines alike, and add up to
/// <see cref="FailLines"/>.
/// </summary>
public sealed record LogDiffSummary(long PassLines, long FailLines, long Unchanged, long Moved, long Updated, long New);

/// <summary>What is new in a failing log compared with a passing one.</summary>
public sealed record LogDiffResult(string Pass, string Fail, LogDiffSummary Summary, IReadOnlyList<DiffHunk> Hunks)
{
    /// <summary>The new lines, in file order.</summary>
    public IEnumerable<DiffLine> NewLines => Hunks.SelectMany(h => h.Lines).Where(l => l.IsNew);
}
