using System.Buffers;
using System.Text.RegularExpressions;
using CiDoctor.Core.Text;

namespace CiDoctor.Core.Matching;

/// <summary>
/// Scores how much a line, on its own, looks like it explains a failure, for logs where no
/// catalog mode matched. Error vocabulary raises the score ("error:", "FAILED", "Exception",
/// "cannot find symbol"); success counts ("0 failed", "Failures: 0") and warnings lower it.
/// A vectorised keyword search rejects most lines before any regex runs.
/// </summary>
public static partial class LineScorer
{
    /// <summary>Error vocabulary (ignoring case): a line with none of these scores 0.</summary>
    internal static readonly IReadOnlyList<string> KeywordList =
    [
        "error", "fail", "exception", "fatal", "panic", "traceback", "denied", "timed out", "timeout",
        "killed", "cannot", "can't", "could not", "couldn't", "not found", "undefined", "refused",
        "exit code", "exited with", "exit status", "assert", "expected", "abort", "segmentation",
        "unable to", "no such", "invalid", "unresolved", "missing", "not ok", "broken", "violation",
        "unexpected", "mismatch", "conflict", "✗", "✖", "×",
    ];

    // ASCII words and non-ASCII marks apart: with the marks in it, SearchValues falls back to a
    // slow Unicode search; without, it is vectorised.
    private static readonly SearchValues<string> Keywords =
        SearchValues.Create([.. KeywordList.Where(k => System.Text.Ascii.IsValid(k))], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<char> Marks = SearchValues.Create(string.Concat(KeywordList.Where(k => !System.Text.Ascii.IsValid(k))));

    /// <summary>The scorer's regexes, each behind the literals it cannot match without.</summary>
    internal static class Gates
    {
        public static readonly GatedRegex Strong = new(LineScorer.Strong());
        public static readonly GatedRegex Medium = new(LineScorer.Medium());
        public static readonly GatedRegex Location = new(LineScorer.Location(), MayHoldLocation);
        public static readonly GatedRegex Wrapper = new(LineScorer.Wrapper());
        public static readonly GatedRegex Summary = new(LineScorer.Summary());
        public static readonly GatedRegex Success = new(LineScorer.Success());
        public static readonly GatedRegex Weak = new(LineScorer.Weak());
        public static readonly GatedRegex Chatter = new(LineScorer.Chatter());
        public static readonly GatedRegex Progress = new(LineScorer.Progress(), MayShowProgress);

        public static IEnumerable<GatedRegex> All => [Strong, Medium, Location, Wrapper, Summary, Success, Weak, Chatter, Progress];

        // Location() needs ":" + digit, ":[" + digit, "(" + digit, or " line " + digit.
        private static bool MayHoldLocation(string text)
        {
            if (text.Contains(" line ", StringComparison.Ordinal))
            {
                return true;
            }
            var rest = text.AsSpan();
            int at;
            while ((at = rest.IndexOfAny(':', '(')) >= 0 && at + 1 < rest.Length)
            {
                char next = rest[at + 1];
                if (char.IsAsciiDigit(next) || (rest[at] == ':' && next == '['))
                {
                    return true;
                }
                rest = rest[(at + 1)..];
            }
            return false;
        }

        // Progress() needs eight dots in a row, or a line whose last visible character is ")"
        // (char.IsWhiteSpace covers everything \s matches).
        private static bool MayShowProgress(string text) =>
            text.Contains("........", StringComparison.Ordinal) || text.AsSpan().TrimEnd().EndsWith(')');
    }

    /// <summary>0 for lines with no error vocabulary; higher is more explanatory.</summary>
    public static int Score(string text)
    {
        if (text.Length < 3 || (text.AsSpan().IndexOfAny(Keywords) < 0 && text.AsSpan().IndexOfAny(Marks) < 0))
        {
            return 0;
        }
        int score = 0;
        if (Gates.Strong.IsMatch(text))
        {
            score += 4;
        }
        if (Gates.Medium.IsMatch(text))
        {
            score += 2;
        }
        if (Gates.Location.IsMatch(text))
        {
            score += 2;
        }
        if (score == 0)
        {
            // The rest only lowers a score.
            return 0;
        }
        if (Gates.Wrapper.IsMatch(text))
        {
            // Exit reports say that something failed, not why.
            score = Math.Min(score - 2, 1);
        }
        if (Gates.Summary.IsMatch(text))
        {
            // Counts and banners say how much failed; the lines that say what failed come earlier.
            score -= 3;
        }
        if (score > 0 && Gates.Success.IsMatch(text))
        {
            score -= 6;
        }
        if (score > 0 && Gates.Weak.IsMatch(text))
        {
            score -= 2;
        }
        return Math.Max(score, 0);
    }

    [GeneratedRegex(@"\b(?:error|ERROR|Error)(?:\[[A-Z]?\d+\])?(?::|\]| TS\d+| CS\d+| [A-Z]+\d{3,})|\[ERROR\]|\bFAIL(?:ED|URE)?\b|\bFailed\b|\bFailures?:|(?:Exception|Error)(?::|$)|Traceback \(most recent|\bfatal:|\bFATAL\b|\bpanic:|\bpanicked at\b|Assertion(?:Error| failed)|\bnot ok \d|✗|✖|^\s*\[-\]\s|cannot find symbol|undefined reference|Segmentation fault", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Strong();

    [GeneratedRegex(@"(?i)\b(?:failed|failure|error|errors|exception|cannot|can't|could ?n[o']t|not found|undefined|denied|refused|timed? ?out|killed|unable to|no such|invalid|unresolved|missing|mismatch|unexpected|aborted?|expected)\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Medium();

    // file.ext:12, file.ext:[12,5], (file.ext:12), "at line 12", "failed on line 696": a compiler
    // or test pointing at a place. The
    // path starts after a separator, so a long path-like line costs linear time, not quadratic.
    [GeneratedRegex(@"(?:^|[\s\[(:'""=])[\w./\\-]+\.[A-Za-z]{1,6}(?::\d+|:\[\d+,\d+\]|\(\d+(?:,\d+)?\))|(?:\bat|\bon|,) line \d+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Location();

    /// <summary>
    /// True for lines that only report that something failed (exit reports, counts, banners):
    /// they say that, the other lines say what.
    /// </summary>
    public static bool IsReport(string text) => IsWrapper(text) || IsSummary(text);

    /// <summary>True for lines around a failure that never explain it: chatter, progress, command echoes.</summary>
    public static bool IsBackground(string text) => IsChatter(text) || IsProgress(text) || text.StartsWith("$ ", StringComparison.Ordinal);

    /// <summary>True for a failure summary: counts of failures, a build tool's failure banner.</summary>
    public static bool IsSummary(string text) => Gates.Summary.IsMatch(text);

    [GeneratedRegex(@"(?i)\b\d+ (?:failed|failures?|errors?|failing|broken)\b|\b(?:passed|failed|skipped|total):? \d+,.*\b(?:passed|failed|skipped|total):? \d+|\b(?:failed|failures|errors|failing): ?\d+|aborting due to|[Cc]ould not compile `|There were failing tests|(?-i:\b(?:BUILD|TESTS?) (?:FAILED|FAILURE)\b)|test result: FAILED|Tests? Suites?:|\bFailed tests?:|Tests? run: \d+|^\s*FAIL\s*$|^Test suite \S+: FAIL\s*$|\bResult: FAIL\b|^\s*(?:FAILURES|ERRORS)!\s*$|^\s*FAIL\t|\.{4,} ?FAILURE \[|^\s*\**\s*Failed\s*\**\s*$|Failed at the |Failed to execute goal|Execution failed for task|recipe for target|There (?:was|were) \d+ (?:failures?|errors?)|\d+ of \d+ (?:tests?|test tasks) failed|\d+ out of \d+ tests failed|One or more tests failed|tests? failed\.?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Summary();

    /// <summary>
    /// True for a tool's informational lines: "[INFO] …", "INFO: …", "make: Leaving directory …",
    /// and tests reported as passed ("ok 3 …", "--- PASS: …", "test_x PASSED").
    /// </summary>
    public static bool IsChatter(string text) => Gates.Chatter.IsMatch(text);

    [GeneratedRegex(@"^\s*(?:\[(?:INFO|DEBUG|TRACE)\]|(?:INFO|DEBUG|TRACE)\b:?\s)|\bmake(?:\[\d+\])?: (?:Entering|Leaving) directory|^\s*(?:=== (?:RUN|PAUSE|CONT)|--- PASS:)|^\s*(?:\[\+\]|✓|✔|√|ok \d+\b|PASS(?:ED)?\b)|(?:\.\.\.|\s)\s*(?:ok|OK|PASSED|passed|done)(?:\s*\([\d.]+m?s\))?\s*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Chatter();

    /// <summary>
    /// True for progress lines ("........  [ 98%]", "....  63 / 242 ( 26%)", "Linting 'a.swift' (44/48)"):
    /// noise around a failure, though the last one shows where a hung run stopped.
    /// </summary>
    public static bool IsProgress(string text) => Gates.Progress.IsMatch(text);

    [GeneratedRegex(@"^\s*\.{8,}|\(\d+/\d+\)\s*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Progress();

    /// <summary>True for lines that report that a command failed, not why (exit codes, "see above").</summary>
    public static bool IsWrapper(string text) => Gates.Wrapper.IsMatch(text);

    [GeneratedRegex(@"(?i)exited with \d+|exit code \d+|exit status \d+|Job failed|Finished: FAILURE|Process completed with|Build step .* marked build as failure|ELIFECYCLE|npm ERR! (?:code ELIFECYCLE|errno \d+|Exit status|This is probably|A complete log|Failed at the)|make(?:\[\d+\])?: \*\*\*|Error \d+$|BUILD FAILURE|Build FAILED|your build exited|See above for more details|A complete log of this run|for documentation about this command", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Wrapper();

    [GeneratedRegex(@"^\s*(?:\[\+\]|✓|✔|√|ok \d+\b|PASS(?:ED)?\b)|(?i)\b0 (?:failed|failures|errors?)\b|failures: 0, errors: 0|\bno (?:errors|failures)\b|errors?: 0\b|failed: 0\b|\bpassed\b.*\b0 failed|ignore[ds]? errors?|--no-fail|fail-fast|\berror_reporting\b|\berrorprone\b|\bonerror\b|_error\.|\.error\(|exception handling|warnings? as errors", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Success();

    [GeneratedRegex(@"(?i)\bwarn(?:ing)?\b|\bdeprecat|\bnotice\b|\bhint:|\binfo\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Weak();
}
