using System.Text.RegularExpressions;

namespace CiDoctor.Core.Text;

/// <summary>
/// Compiles catalog regexes. Every regex is validated against the catalog's subset (no
/// lookarounds, backreferences, atomic groups or conditionals, so the non-backtracking engine
/// can run it). Modes from user folders are untrusted input and run on the non-backtracking
/// engine (linear in the line length, whatever the pattern). Built-in modes are reviewed and run
/// on the backtracking interpreter with a match timeout: constructing a non-backtracking regex
/// costs ~6 ms (measured: 438 catalog regexes, 2.7 s), which would dominate start-up.
/// </summary>
public static partial class PatternCompiler
{
    /// <summary>Longest a built-in regex may run on one line before the line counts as not matching.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>Compiles a catalog regex; null with the reason when it cannot be used.</summary>
    public static Regex? TryCompile(string pattern, bool ignoreCase, out string? error, bool trusted = true)
    {
        var unsupported = Unsupported().Match(pattern);
        if (unsupported.Success)
        {
            error = $"'{unsupported.Value}' is not allowed (no lookarounds, backreferences, atomic groups or conditionals)";
            return null;
        }
        var options = RegexOptions.CultureInvariant;
        if (ignoreCase)
        {
            options |= RegexOptions.IgnoreCase;
        }
        if (!trusted)
        {
            options |= RegexOptions.NonBacktracking;
        }
        try
        {
            error = null;
            return new Regex(pattern, options, trusted ? MatchTimeout : TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return null;
        }
        catch (NotSupportedException e)
        {
            error = "not supported by the non-backtracking engine: " + e.Message;
            return null;
        }
    }

    // Lookarounds (?= (?! (?<= (?<!, atomic (?>, conditionals (?(, backreferences \1 \k<name>.
    [GeneratedRegex(@"(?<!\\)(?:\\\\)*(?:\(\?(?:=|!|<=|<!|>|\()|\\[1-9]|\\k<)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Unsupported();
}
