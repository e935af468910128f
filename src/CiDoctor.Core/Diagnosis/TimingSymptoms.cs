using System.Text.RegularExpressions;
using CiDoctor.Core.Matching;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Diagnosis;

/// <summary>
/// Finds a timing symptom next to a failing test: a port still taken by an earlier run, a
/// service refusing connections because it has not started yet, a deadline or a test timeout
/// that expired. DESIGN.md: a test failure is <c>flaky-test</c> only when the log itself shows such
/// a symptom; without one it stays <c>test-failure</c>.
/// </summary>
internal static partial class TimingSymptoms
{
    /// <summary>How far from the test failure's line (in lines, same step) a symptom counts.</summary>
    public const int Reach = 60;

    /// <summary>The first timing symptom near <paramref name="lead"/> in its step, from the kept lines of the scan; null when none.</summary>
    public static ContextLine? Near(Finding lead, ScanResult? scan)
    {
        if (scan is null || lead.Line <= 0)
        {
            return null;
        }
        foreach (var (number, line) in scan.Kept)
        {
            if (number < lead.Line - Reach)
            {
                continue;
            }
            if (number > lead.Line + Reach)
            {
                break;
            }
            if (line.Step == lead.Step && line.Kind == LineKind.Content && !scan.Familiar.Contains(number) && IsSymptom(line.Text))
            {
                return new ContextLine(number, line.Text, "timing symptom");
            }
        }
        return null;
    }

    /// <summary>True for a line that shows a timing symptom.</summary>
    public static bool IsSymptom(string text) => text.Length < 2000 && Symptom().IsMatch(text);

    // Address in use: the port of an earlier test (or run) is not free yet. Refused on loopback:
    // the test's own server was not listening yet. Deadlines and test timeouts: a wait that was
    // too short on this runner. Data races: the order of threads decided the result.
    [GeneratedRegex(@"(?i)address already in use|\bEADDRINUSE\b|(?:localhost|127\.0\.0\.1|\[?::1\]?|0\.0\.0\.0)(?::\d+)?\b.*(?:connection refused|ECONNREFUSED)|(?:connection refused|ECONNREFUSED).*(?:localhost|127\.0\.0\.1|::1)\b|deadline exceeded|\bTimeout of \d+ ?ms exceeded|Exceeded timeout of \d+ ?ms|\btest timed out after\b|\btimed out after \d+(?:\.\d+)? ?(?:ms|s|seconds|milliseconds)\b|WARNING: DATA RACE|ThreadSanitizer: data race", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Symptom();
}
