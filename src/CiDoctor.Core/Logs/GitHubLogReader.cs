using System.Text.RegularExpressions;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Logs;

/// <summary>
/// GitHub Actions job logs as the REST API and the web UI serve them: every line starts with an
/// ISO timestamp (<c>2025-10-14T10:01:02.1234567Z </c>); the runner's preamble forms the
/// "Set up job" step; each <c>##[group]Run …</c> header starts a step; <c>Post job cleanup.</c>
/// starts a post step; <c>Cleaning up orphan processes</c> is "Complete job";
/// <c>##[error]Process completed with exit code N.</c> ends a step with that code.
/// </summary>
public sealed partial class GitHubLogReader : ILogReader
{
    public string Ci => "github";

    public int Detect(IReadOnlyList<string> head)
    {
        int score = 0;
        foreach (string raw in head)
        {
            string line = LogParser.StripIsoTimestamp(raw);
            if (line.Contains(") received task ", StringComparison.Ordinal) && line.Contains("(version:", StringComparison.Ordinal))
            {
                // A Forgejo/Gitea Actions download: same timestamps, and its runner rewrites
                // ::group:: into ##[group], but its first row is act_runner's, never GitHub's.
                return 0;
            }
            if (line.StartsWith("##[group]", StringComparison.Ordinal) || line.StartsWith("##[error]", StringComparison.Ordinal))
            {
                score += line.Length == raw.Length ? 10 : 30;
            }
            else if (line.StartsWith("Current runner version:", StringComparison.Ordinal)
                || line.StartsWith("Job is about to start running on", StringComparison.Ordinal)
                || line.StartsWith("Requested labels:", StringComparison.Ordinal))
            {
                score += 40;
            }
        }
        return Math.Min(score, 90);
    }

    public LogParser CreateParser() => new Parser();

    private sealed partial class Parser : LogParser
    {
        protected override bool StepsStopAtFailure => true;

        private bool _sawSetup;
        private bool _sawPostCleanup;

        // Between "##[group]Run …" and "##[endgroup]": the step's script, shell and env, echoed
        // by the runner, not output of the step.
        private bool _inRunHeader;

        public override string Ci => "github";

        protected override IReadOnlyList<string> FormatMarkers => ["##[", "Post job cleanup.", "Cleaning up orphan processes"];

        // Before the first step, any non-empty line starts "Set up job".
        public override bool CanSkip(ReadOnlySpan<byte> raw) => _sawSetup || CurrentStep >= 0;

        public override LineKind QuietKind => _inRunHeader ? LineKind.Echo : LineKind.Content;

        public override string PlainText(string raw) => CleanWithIsoTimestamp(raw);

        protected override LogLine ParseLine(long number, string raw)
        {
            string text = CleanWithIsoTimestamp(raw);
            if (!_sawSetup && CurrentStep < 0 && text.Length > 0)
            {
                _sawSetup = true;
                BeginStep("Set up job", number);
            }
            if (text.StartsWith("##[group]Run ", StringComparison.Ordinal))
            {
                BeginStep(_sawPostCleanup ? "Post " + text[9..] : text[9..], number);
                _sawPostCleanup = false;
                _inRunHeader = true;
                return new LogLine(number, text, CurrentStep, LineKind.Marker);
            }
            if (text == "Post job cleanup.")
            {
                _sawPostCleanup = true;
                BeginStep("Post job cleanup", number);
                return new LogLine(number, text, CurrentStep, LineKind.Marker);
            }
            if (text == "Cleaning up orphan processes")
            {
                BeginStep("Complete job", number);
                return new LogLine(number, text, CurrentStep, LineKind.Marker);
            }
            if (text.StartsWith("##[", StringComparison.Ordinal))
            {
                if (text.StartsWith("##[endgroup]", StringComparison.Ordinal))
                {
                    _inRunHeader = false;
                }
                var exit = ExitLine().Match(text);
                if (exit.Success)
                {
                    StepExited(int.Parse(exit.Groups[1].ValueSpan), number);
                }
                else if (text.StartsWith("##[error]", StringComparison.Ordinal))
                {
                    StepFailed(number);
                }
                return new LogLine(number, text, CurrentStep, LineKind.Marker);
            }
            return new LogLine(number, text, CurrentStep, _inRunHeader ? LineKind.Echo : LineKind.Content);
        }

        [GeneratedRegex(@"^##\[error\]Process completed with exit code (-?\d+)\.?", RegexOptions.CultureInvariant, 1000)]
        private static partial Regex ExitLine();
    }
}
