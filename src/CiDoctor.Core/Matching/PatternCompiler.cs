using System.Text.RegularExpressions;

namespace CiDoctor.Core.Matching;

/// <summary>
/// Compiles catalog regexes. User catalogs are untrusted input, so every regex runs on the
/// non-backtracking engine (linear time in the line length, no catastrophic backtracking); the
/// catalog schema forbids the constructs that engine lacks (lookarounds, backreferences).
/// </summary>
public static class PatternCompiler
{
    /// <summary>Compiles a catalog regex; null with the reason when it cannot be used.</summary>
    public static Regex? TryCompile(string pattern, bool ignoreCase, out string? error)
    {
        var options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;
        if (ignoreCase)
        {
            options |= RegexOptions.IgnoreCase;
        }
        try
        {
            error = null;
            return new Regex(pattern, options, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return null;
        }
        catch (NotSupportedException e)
        {
            error = "not supported by the non-backtracking engine (no lookarounds, backreferences, atomic groups): " + e.Message;
            return null;
        }
    }
}
