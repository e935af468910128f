using System.Text.RegularExpressions;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Logs;

/// <summary>
/// Buildkite job logs (buildkite-agent). A line starting with <c>~~~ </c>, <c>--- </c> or
/// <c>+++ </c> opens a group (collapsed, collapsed, expanded); each group is a step named after
/// its text. <c>^^^ +++</c> only expands the previous group. When the command fails the agent
/// prints <c>🚨 Error: The command exited with status N</c> (the step's and job's exit code;
/// a failing hook says <c>The … hook exited with status N</c>) and,
/// at the end, <c>user command error: exit status N</c>. Lines may start with the agent's
/// timestamp escape <c>\e_bk;t=1700000000000\a</c>, removed with the other escapes.
/// Go test's <c>--- FAIL: TestX</c> / <c>--- PASS:</c> lines are not treated as groups: they
/// report a test, not a phase. Downloaded and copied logs put <c>[2019-11-01T12:11:56Z] </c> before
/// each line (Buildkite's log storage), and a copy of the job page keeps the table's <c>  | </c>
/// before it; both are removed.
/// </summary>
internal sealed partial class BuildkiteLogReader : ILogReader
{
    public string Ci => "buildkite";

    public int Detect(IReadOnlyList<string> head)
    {
        int score = 0;
        foreach (string raw in head)
        {
            if (raw.Contains("\u001b_bk;t=", StringComparison.Ordinal))
            {
                return 90;
            }
            string stripped = TextCleaner.StripAnsi(raw);
            string line = StripRow(stripped);
            if (line.StartsWith("~~~ ", StringComparison.Ordinal) || line == "^^^ +++")
            {
                score += 45;
            }
            else if (line.StartsWith("🚨 Error: ", StringComparison.Ordinal) || line.StartsWith("user command error: ", StringComparison.Ordinal)
                || (line.Length != stripped.Length && stripped.TrimStart().StartsWith('|')))
            {
                score += 20;
            }
        }
        return score >= 45 ? Math.Min(score, 90) : 0;
    }

    public LogParser CreateParser() => new Parser();

    /// <summary>Removes a job-page row's <c>  | </c> and the log storage's <c>[2019-11-01T12:11:56Z] </c> from the start of a line.</summary>
    private static string StripRow(string text)
    {
        if (text.Length < 22 || (text[0] != '[' && !text.AsSpan().TrimStart().StartsWith('|')))
        {
            return text;
        }
        var row = Row().Match(text);
        return row.Success ? text[row.Length..] : text;
    }

    private static string Clean(string raw) => StripRow(LogParser.StripIsoTimestamp(TextCleaner.StripAnsi(raw)));

    [GeneratedRegex(@"^(?:\s*\| ?)?\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z\] ?", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Row();

    [GeneratedRegex(@"^(?:~~~|---|\+\+\+) (.+)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Header();

    [GeneratedRegex(@"^--- (?:PASS|FAIL|SKIP): ", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex GoTestResult();

    [GeneratedRegex(@"^🚨 Error: .*exited with status (-?\d+)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CommandExit();

    [GeneratedRegex(@"^user command error: exit status (-?\d+)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex UserCommandError();

    private sealed class Parser : LogParser
    {
        private bool _exitKnown;

        public override string Ci => "buildkite";

        protected override IReadOnlyList<string> FormatMarkers => ["~~~ ", "--- ", "+++ ", "^^^ +++", "🚨 Error: ", "user command error: "];

        public override bool CanSkip(ReadOnlySpan<byte> raw) => true;

        public override string PlainText(string raw) => Clean(raw);

        protected override LogLine ParseLine(long number, string raw)
        {
            string text = Clean(raw);
            if (text.Length > 3 && text[3] == ' ' && (text[0] is '~' or '-' or '+'))
            {
                var header = Header().Match(text);
                if (header.Success && !GoTestResult().IsMatch(text))
                {
                    BeginStep(header.Groups[1].Value, number);
                    return new LogLine(number, text, CurrentStep, LineKind.Marker);
                }
            }
            if (text == "^^^ +++")
            {
                return new LogLine(number, text, CurrentStep, LineKind.Marker);
            }
            if (text.StartsWith("🚨 Error: ", StringComparison.Ordinal))
            {
                var exit = CommandExit().Match(text);
                if (exit.Success)
                {
                    int code = int.Parse(exit.Groups[1].ValueSpan);
                    StepExited(code, number);
                    if (!_exitKnown)
                    {
                        _exitKnown = true;
                        JobEnded(code == 0 ? RunStatus.Passed : RunStatus.Failed, code, number);
                    }
                }
                else
                {
                    StepFailed(number);
                }
                return new LogLine(number, text, CurrentStep, LineKind.Marker);
            }
            var user = text.StartsWith("user command error: ", StringComparison.Ordinal) ? UserCommandError().Match(text) : Match.Empty;
            if (user.Success)
            {
                if (!_exitKnown)
                {
                    _exitKnown = true;
                    JobEnded(RunStatus.Failed, int.Parse(user.Groups[1].ValueSpan), number);
                }
                return new LogLine(number, text, CurrentStep, LineKind.Marker);
            }
            return new LogLine(number, text, CurrentStep);
        }
    }
}
