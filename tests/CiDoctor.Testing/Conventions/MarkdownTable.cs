namespace CiDoctor.Testing.Conventions;

/// <summary>The first pipe table under a Markdown heading, as rows of trimmed cells keyed by the header's names.</summary>
public static class MarkdownTable
{
    /// <summary>
    /// The rows of the table that follows <paramref name="heading"/> (e.g. <c>## Projects</c>, which
    /// also finds <c>## Projects (one per dependency boundary)</c>); empty when there is none.
    /// </summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Under(string markdown, string heading)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        int at = Array.FindIndex(lines, l => l.TrimEnd() == heading || l.StartsWith(heading + " ", StringComparison.Ordinal));
        if (at < 0)
        {
            return [];
        }
        var table = lines.Skip(at + 1).SkipWhile(l => !l.TrimStart().StartsWith('|')).TakeWhile(l => l.TrimStart().StartsWith('|')).ToList();
        if (table.Count < 2)
        {
            return [];
        }
        var header = Cells(table[0]);
        return [.. table.Skip(2).Select(row => (IReadOnlyDictionary<string, string>)header
            .Zip(Cells(row).Concat(Enumerable.Repeat("", header.Count)))
            .ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))];
    }

    private static List<string> Cells(string row) =>
        [.. row.Trim().Trim('|').Split('|').Select(c => c.Trim())];
}
