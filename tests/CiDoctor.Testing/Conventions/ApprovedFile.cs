using System.Runtime.CompilerServices;
using Xunit;

namespace CiDoctor.Testing.Conventions;

/// <summary>
/// A listing checked into the repository beside the test that makes it (the public API of an
/// assembly): compared as lines, failing with the added and removed ones; <c>CIDOCTOR_ACCEPT=1</c>
/// rewrites the file (as for golden files: then review the diff and commit it).
/// </summary>
public static class ApprovedFile
{
    /// <summary>Most lines of each kind a failure shows; the counts say how many more.</summary>
    private const int Shown = 40;

    /// <param name="header">Comment lines (without <c>#</c>) written at the top; ignored when comparing.</param>
    public static void Verify(string name, IReadOnlyList<string> actual, string header, [CallerFilePath] string testFile = "")
    {
        string path = Path.Combine(Path.GetDirectoryName(testFile)!, name);
        if (Environment.GetEnvironmentVariable("CIDOCTOR_ACCEPT") == "1")
        {
            var text = header.Split('\n').Select(l => "# " + l).Concat(actual);
            File.WriteAllText(path, string.Join("\n", text) + "\n");
            return;
        }
        Assert.True(File.Exists(path), $"no approved file {path}; run the tests with CIDOCTOR_ACCEPT=1 to create it, then review it");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var added = Minus(actual, expected);
        var removed = Minus(expected, actual);
        if (added.Count == 0 && removed.Count == 0)
        {
            return;
        }
        string Show(IReadOnlyList<string> lines, char sign) =>
            string.Concat(lines.Take(Shown).Select(l => $"\n  {sign} {l}")) + (lines.Count > Shown ? $"\n  … and {lines.Count - Shown} more" : "");
        Assert.Fail($"{name} differs from what the code has: {added.Count} added (+), {removed.Count} removed (-){Show(added, '+')}{Show(removed, '-')}"
            + $"\nIf the change is meant, run the tests with CIDOCTOR_ACCEPT=1 to rewrite {path}, and review its diff.");
    }

    // The lines of a not matched in b, counting repeats, in a's order.
    private static List<string> Minus(IEnumerable<string> a, IEnumerable<string> b)
    {
        var left = b.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<string>();
        foreach (string line in a)
        {
            if (left.TryGetValue(line, out int n) && n > 0)
            {
                left[line] = n - 1;
            }
            else
            {
                result.Add(line);
            }
        }
        return result;
    }
}
