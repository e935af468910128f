using System.Globalization;
using System.Text.RegularExpressions;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Reports.Ci;

/// <summary>
/// Finds the repository file a compiler, test runner or interpreter names in a log line, so a CI
/// annotation can point at it. A path qualifies only when it is a file that exists under the
/// workspace root (relative, or absolute under the root, then made relative): a Nix store path, a
/// path in /tmp or /usr, or a file the checkout does not hold is never used.
/// <code>
/// "  --> src/main.rs:12:5"                                  → src/main.rs, line 12, column 5
/// "/home/runner/work/r/r/src/A.cs(12,5): error CS1002: ..." → src/A.cs, line 12, column 5 (root /home/runner/work/r/r)
/// "  File \"pkg/mod.py\", line 42, in f"                    → pkg/mod.py, line 42
/// </code>
/// </summary>
internal sealed partial class RepoFileLocator
{
    // Log lines are short (evidence is cut at 2,000 characters); these only bound a pathological line.
    private const int TimeoutMs = 200;

    private readonly string _root;

    /// <param name="workspaceRoot">The checkout: <c>$GITHUB_WORKSPACE</c>, <c>$CI_PROJECT_DIR</c> or the current folder.</param>
    public RepoFileLocator(string workspaceRoot)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workspaceRoot));
    }

    /// <summary>The first location in the job's evidence (rank order) that names a repository file, or null.</summary>
    public SourceLocation? Find(JobDiagnosis job)
    {
        foreach (var line in job.Evidence)
        {
            if (Find(line.Text) is { } location)
            {
                return location;
            }
        }
        return null;
    }

    /// <summary>The first location in <paramref name="text"/> that names a repository file, or null.</summary>
    public SourceLocation? Find(string text)
    {
        if (!text.Contains(':', StringComparison.Ordinal) && !text.Contains("line ", StringComparison.Ordinal))
        {
            return null;
        }
        try
        {
            // Python's form first: its quoted path may hold spaces the other forms stop at.
            foreach (var regex in new[] { PythonFrame(), MsBuild(), ColonForm() })
            {
                foreach (Match m in regex.Matches(text))
                {
                    if (ToLocation(m) is { } location)
                    {
                        return location;
                    }
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A location is a convenience: a pathological line gets none rather than failing the report.
        }
        return null;
    }

    /// <summary>The path relative to the root (with <c>/</c>) when it is an existing file under the root; else null.</summary>
    public string? Resolve(string path)
    {
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }
        string candidate = path.Replace('\\', '/');
        string full;
        try
        {
            full = Path.GetFullPath(Path.IsPathRooted(candidate) ? candidate : Path.Combine(_root, candidate));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
        // Under the root only: "../x" and absolute paths elsewhere (/nix/store, /tmp, /usr) never qualify.
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
        {
            return null;
        }
        return Path.GetRelativePath(_root, full).Replace('\\', '/');
    }

    private SourceLocation? ToLocation(Match m)
    {
        if (!int.TryParse(m.Groups["line"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int line) || line < 1)
        {
            return null;
        }
        int? column = int.TryParse(m.Groups["col"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int c) && c >= 1 ? c : null;
        return Resolve(m.Groups["path"].Value) is { } relative ? new SourceLocation(relative, line, column) : null;
    }

    // The patterns run on the non-backtracking engine: evidence lines are up to 2,000 characters of
    // arbitrary log text, and "a path, then a dot and an extension" backtracks quadratically over a
    // long token on the backtracking one (seen: the 200 ms timeout hit on a 210-character line during a test run).
    // A boundary character is matched, not looked behind (the engine has no lookarounds).

    // File "pkg/mod.py", line 42
    [GeneratedRegex(@"File ""(?<path>[^""]+)"", line (?<line>\d+)", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeoutMs)]
    private static partial Regex PythonFrame();

    // src/A.cs(12,5): error CS1002 — MSBuild and the C# / F# / VB compilers; (line) or (line,col[,endLine,endCol]).
    [GeneratedRegex(@"(?:^|[\s'""(\[=>])(?<path>(?:[A-Za-z]:)?[^\s():""'<>|*?]+\.[A-Za-z0-9]+)\((?<line>\d+)(?:,(?<col>\d+))?(?:,\d+,\d+)?\)\s?:", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeoutMs)]
    private static partial Regex MsBuild();

    // src/a.c:3:7: (gcc, clang, go, tsc --pretty false), --> src/main.rs:12:5 (rustc), tests/t.py:42: (pytest).
    // The path starts the line or follows a space, quote, bracket or '=' and has an extension.
    [GeneratedRegex(@"(?:^|[\s'""(\[=>])(?<path>(?:[A-Za-z]:)?[^\s():""'<>|*?,;=\[\]{}]+\.[A-Za-z0-9]+):(?<line>\d+)(?::(?<col>\d+))?", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeoutMs)]
    private static partial Regex ColonForm();
}
