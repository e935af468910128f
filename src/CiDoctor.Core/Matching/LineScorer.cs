using System.Buffers;
using System.Text.RegularExpressions;

namespace CiDoctor.Core.Matching;

/// <summary>
/// Scores how much a line, on its own, looks like it explains a failure, for logs where no
/// catalog mode matched. Error vocabulary raises the score ("error:", "FAILED", "Exception",
/// "cannot find symbol"); success counts ("0 failed", "Failures: 0") and warnings lower it.
/// A vectorised keyword search rejects most lines before any regex runs.
/// </summary>
public static partial class LineScorer
{
    private static readonly SearchValues<string> Keywords = SearchValues.Create(
    [
        "error", "fail", "exception", "fatal", "panic", "traceback", "denied", "timed out", "timeout",
        "killed", "cannot", "can't", "could not", "couldn't", "not found", "undefined", "refused",
        "exit code", "exited with", "exit status", "assert", "expected", "abort", "segmentation",
        "unable to", "no such", "invalid", "unresolved", "missing", "not ok", "broken", "violation",
        "unexpected", "mismatch", "conflict", "✗", "✖", "×",
    ], StringComparison.OrdinalIgnoreCase);

    /// <summary>0 for lines with no error vocabulary; higher is more explanatory.</summary>
    public static int Score(string text)
    {
        if (text.Length < 3 || text.AsSpan().IndexOfAny(Keywords) < 0)
        {
            return 0;
        }
        int score = 0;
        if (Strong().IsMatch(text))
        {
            score += 4;
        }
        if (Medium().IsMatch(text))
        {
            score += 2;
        }
        if (Location().IsMatch(text))
        {
            score += 2;
        }
        if (Wrapper().IsMatch(text))
        {
            // Exit reports say that something failed, not why.
            score -= 2;
        }
        if (Success().IsMatch(text))
        {
            score -= 6;
        }
        if (Weak().IsMatch(text))
        {
            score -= 2;
        }
        return Math.Max(score, 0);
    }

    [GeneratedRegex(@"\b(?:error|ERROR|Error)(?:\[[A-Z]?\d+\])?(?::|\]| TS\d+| CS\d+| [A-Z]+\d{3,})|\[ERROR\]|\bFAIL(?:ED|URE)?\b|\bFailed\b|\bFailures?:|\b\w*(?:Exception|Error)\b(?::|$)|Traceback \(most recent|\bfatal:|\bFATAL\b|\bpanic:|\bpanicked at\b|Assertion(?:Error| failed)|\bnot ok \d|✗|✖|cannot find symbol|undefined reference|Segmentation fault", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Strong();

    [GeneratedRegex(@"(?i)\b(?:failed|failure|error|errors|exception|cannot|can't|could ?n[o']t|not found|undefined|denied|refused|timed? ?out|killed|unable to|no such|invalid|unresolved|missing|mismatch|unexpected|aborted?|expected)\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Medium();

    // file.ext:12 or file.ext:[12,5] or (file.ext:12): a compiler or test pointing at a place.
    [GeneratedRegex(@"[\w./\\-]+\.[A-Za-z]{1,6}(?::\d+|:\[\d+,\d+\]|\(\d+(?:,\d+)?\))", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Location();

    [GeneratedRegex(@"(?i)exited with \d+|exit code \d+|exit status \d+|Job failed|Finished: FAILURE|Process completed with|Build step .* marked build as failure|ELIFECYCLE|npm ERR! (?:code|errno|Exit status|This is probably|A complete log|Failed at the)|make(?:\[\d+\])?: \*\*\*|Error \d+$|BUILD FAILURE|Build FAILED|your build exited", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Wrapper();

    [GeneratedRegex(@"(?i)\b0 (?:failed|failures|errors?)\b|failures: 0, errors: 0|\bno (?:errors|failures)\b|errors?: 0\b|failed: 0\b|\bpassed\b.*\b0 failed|ignore[ds]? errors?|--no-fail|fail-fast|error_reporting|errorprone|onerror|_error\.|\.error\(|exception handling|warnings? as errors", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Success();

    [GeneratedRegex(@"(?i)\bwarn(?:ing)?\b|\bdeprecat|\bnotice\b|\bhint:|\binfo\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Weak();
}
