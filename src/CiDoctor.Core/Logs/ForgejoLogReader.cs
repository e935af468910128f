using System.Text.RegularExpressions;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Logs;

/// <summary>
/// Forgejo and Gitea Actions job logs (forgejo-runner / act_runner, both built on nektos/act).
/// The web UI download has one <c>2024-05-22T10:18:48.4315718Z content</c> row per line; the
/// first row is the runner's <c>name(version:v6.0.0) received task N of job J, be triggered by event: E</c>.
/// act announces steps with <c>⭐ Run Main|Pre|Post &lt;step&gt;</c> and closes them with
/// <c>✅  Success - …</c> or <c>❌  Failure - …</c>, followed by <c>exitcode 'N': failure</c>, and
/// ends the job with <c>🏁  Job succeeded|failed</c>. While steps run the runner stores only the
/// steps' own output, so a download names the first step and the step that failed last, not the
/// ones between (their output stays with the first step). The same reader takes the output of
/// the <c>act</c> CLI, whose lines start with <c>[workflow/job] </c>.
/// </summary>
internal sealed partial class ForgejoLogReader : ILogReader
{
    public string Ci => "forgejo";

    public int Detect(IReadOnlyList<string> head)
    {
        int score = 0;
        foreach (string raw in head)
        {
            string line = LogParser.StripIsoTimestamp(TextCleaner.StripAnsi(raw));
            if (GitHubRunner(line))
            {
                // A GitHub Actions log that happens to print act output (act run inside a job).
                return 0;
            }
            if (ReceivedTask().IsMatch(line))
            {
                score += 100;
            }
            else if (ActMarker().IsMatch(line))
            {
                score += 30;
            }
        }
        return Math.Min(score, 100);
    }

    public LogParser CreateParser() => new Parser();

    private static bool GitHubRunner(string line) =>
        line.StartsWith("Current runner version:", StringComparison.Ordinal)
        || line.StartsWith("Job is about to start running on", StringComparison.Ordinal);

    /// <summary>The runner's first row: <c>name(version:v3.4.1) received task 7 of job build, be triggered by event: push</c>.</summary>
    [GeneratedRegex(@"\(version:[^)]*\) received task \d+ of job ", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ReceivedTask();

    [GeneratedRegex(@"^(?:\[[^\]]+\] )?\s*(?:⭐ Run (?:Pre|Main|Post) |✅  Success - |❌  Failure - |🏁  Job (?:succeeded|failed)|🚀  Start image=|🐳  docker )", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ActMarker();

    [GeneratedRegex(@"^⭐ Run (Pre|Main|Post) (.+)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex RunStep();

    [GeneratedRegex(@"^(?:✅|❌)  (Success|Failure) - (Pre|Main|Post) (.+)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex StepResult();

    [GeneratedRegex(@"^exitcode '(-?\d+)': ", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ExitCode();

    /// <summary>The <c>[workflow/job] </c> prefix of act CLI output, recognised on a line that carries an act marker.</summary>
    [GeneratedRegex(@"^(\[[^\]]+\]) +(?:🚀|⭐|✅|❌|🏁|🐳|☁|⚙|\|)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ActCliPrefix();

    private sealed class Parser : LogParser
    {
        protected override bool StepsStopAtFailure => true;

        private string? _cliPrefix;
        private bool _complete;
        private bool _started;

        public override string Ci => "forgejo";

        protected override IReadOnlyList<string> FormatMarkers =>
        [
            "⭐ Run ", "✅  ", "❌  ", "🏁  Job ", "exitcode '", "Cleaning up container for job ",
            "The runner cancelled the job because it exceeds the maximum run time", "##[group]", "##[endgroup]", "::group::", "::endgroup::",
        ];

        // The first non-empty line decides "Set up job"; until act CLI's prefix is known, a line
        // that may hold it ("[workflow/job]") is parsed.
        public override bool CanSkip(ReadOnlySpan<byte> raw) => _started && (_cliPrefix is not null || !raw.Contains((byte)'['));

        public override string PlainText(string raw) => CleanLine(raw);

        protected override LogLine ParseLine(long number, string raw)
        {
            string text = CleanLine(raw);
            string marker = text.TrimStart();
            if (!_started && text.Length > 0)
            {
                // The runner's first row, or act's first line: a whole job. A copy or a pasted
                // excerpt starts elsewhere, and its first line sets up nothing.
                _started = true;
                if (_cliPrefix is not null || ReceivedTask().IsMatch(text))
                {
                    BeginStep("Set up job", number);
                }
            }
            var run = marker.StartsWith("⭐ Run ", StringComparison.Ordinal) ? RunStep().Match(marker) : Match.Empty;
            if (run.Success)
            {
                BeginStep(StepName(run.Groups[1].Value, run.Groups[2].Value), number);
                return new LogLine(number, marker, CurrentStep, LineKind.Marker);
            }
            var result = marker.StartsWith("✅  ", StringComparison.Ordinal) || marker.StartsWith("❌  ", StringComparison.Ordinal)
                ? StepResult().Match(marker) : Match.Empty;
            if (result.Success)
            {
                string name = StepName(result.Groups[2].Value, result.Groups[3].Value);
                if (CurrentStepName != name)
                {
                    // The runner kept no header for this step (see the type's remarks).
                    BeginStep(name, number);
                }
                bool passed = result.Groups[1].ValueSpan is "Success";
                SetStepOutcome(CurrentStep, passed ? RunStatus.Passed : RunStatus.Failed, null, number);
                return new LogLine(number, marker, CurrentStep, LineKind.Marker);
            }
            var exit = marker.StartsWith("exitcode '", StringComparison.Ordinal) ? ExitCode().Match(marker) : Match.Empty;
            if (exit.Success)
            {
                int code = int.Parse(exit.Groups[1].ValueSpan);
                SetStepOutcome(CurrentStep, code == 0 ? RunStatus.Passed : RunStatus.Failed, code, number);
                return new LogLine(number, marker, CurrentStep, LineKind.Marker);
            }
            if (marker.StartsWith("Cleaning up container for job ", StringComparison.Ordinal)
                || marker.StartsWith("🏁  Job ", StringComparison.Ordinal))
            {
                if (!_complete)
                {
                    _complete = true;
                    BeginStep("Complete job", number);
                }
                if (marker == "🏁  Job succeeded")
                {
                    JobEnded(RunStatus.Passed, null, number);
                }
                else if (marker == "🏁  Job failed")
                {
                    JobEnded(RunStatus.Failed, null, number);
                }
                return new LogLine(number, marker, CurrentStep, LineKind.Marker);
            }
            if (marker == "The runner cancelled the job because it exceeds the maximum run time")
            {
                JobEnded(RunStatus.Cancelled, null, number);
                return new LogLine(number, marker, CurrentStep, LineKind.Marker);
            }
            if (marker.StartsWith("##[group]", StringComparison.Ordinal) || marker.StartsWith("##[endgroup]", StringComparison.Ordinal)
                || marker.StartsWith("::group::", StringComparison.Ordinal) || marker.StartsWith("::endgroup::", StringComparison.Ordinal))
            {
                return new LogLine(number, marker, CurrentStep, LineKind.Marker);
            }
            return new LogLine(number, text, CurrentStep);
        }

        private static string StepName(string stage, string name) =>
            stage == "Main" ? name.Trim() : stage + " " + name.Trim();

        /// <summary>ANSI, the download's timestamp, and act CLI's <c>[workflow/job]   | </c> prefix.</summary>
        private string CleanLine(string raw)
        {
            string text = CleanWithIsoTimestamp(raw);
            if (_cliPrefix is null && text.StartsWith('['))
            {
                var cli = ActCliPrefix().Match(text);
                if (cli.Success)
                {
                    _cliPrefix = cli.Groups[1].Value + " ";
                }
            }
            if (_cliPrefix is not null && text.StartsWith(_cliPrefix, StringComparison.Ordinal))
            {
                text = text[_cliPrefix.Length..];
                string trimmed = text.TrimStart(' ');
                if (trimmed.StartsWith("| ", StringComparison.Ordinal) || trimmed == "|")
                {
                    text = trimmed.Length > 2 ? trimmed[2..] : "";
                }
            }
            return text;
        }
    }
}
