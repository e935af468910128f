using System.Text.RegularExpressions;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Logs;

/// <summary>
/// GitHub Actions job logs as the REST API and the web UI serve them: every line starts with an
/// ISO timestamp (<c>2025-10-14T10:01:02.1234567Z </c>); the runner's preamble forms the
/// "Set up job" step; each <c>##[group]Run …</c> header starts a step; <c>Post job cleanup.</c>
/// starts a post step; <c>Cleaning up orphan processes</c> is "Complete job";
/// <c>##[error]Process completed with exit code N.</c> ends a step with that code.
/// Azure Pipelines logs, written by the agent GitHub's runner was forked from, share the
/// <c>##[…]</c> commands: <c>##[section]Starting: X</c> starts step X and
/// <c>##[section]Finishing: X</c> ends it.
/// A copy from the job page (no timestamps, no <c>##[group]</c>) shows the header of a run step
/// as <c>Run X</c> followed by its indented script and settings (<c>  shell: …</c>, <c>  env:</c>),
/// and errors as <c>Error: …</c>; a copy may start inside that header block.
/// </summary>
internal sealed partial class GitHubLogReader : ILogReader
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
            else if (IsPreamble(line))
            {
                score += 40;
            }
            else if (line.StartsWith("Error: Process completed with exit code ", StringComparison.Ordinal)
                || line.StartsWith("The runner has received a shutdown signal", StringComparison.Ordinal)
                || ActionRun().IsMatch(line) || RunSetting().IsMatch(line))
            {
                score += 30;
            }
            else if (line.StartsWith("Process completed with exit code ", StringComparison.Ordinal) || line == "Post job cleanup."
                || line.StartsWith("Error: The process '", StringComparison.Ordinal))
            {
                score += 20;
            }
        }
        return Math.Min(score, 90);
    }

    public LogParser CreateParser() => new Parser();

    /// <summary>The runner's first lines of a job, which open "Set up job" (after <c>##[group]</c> when grouped).</summary>
    private static bool IsPreamble(string line)
    {
        var text = line.AsSpan();
        if (text.StartsWith("##[group]", StringComparison.Ordinal))
        {
            text = text[9..];
        }
        foreach (string start in Preamble)
        {
            if (text.StartsWith(start, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static readonly string[] Preamble =
    [
        "Current runner version:", "Job is about to start running on", "Requested labels:", "Job defined at:", "Waiting for a runner",
        "Runner name:", "Runner group name:", "Machine name:", "Runner Image", "Operating System", "Virtual Environment", "Set up job",
    ];

    /// <summary>A run step's header on the job page naming an action: <c>Run actions/checkout@v4</c>.</summary>
    [GeneratedRegex(@"^Run [\w.-]+/[\w./-]+@[\w./-]+$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ActionRun();

    /// <summary>A setting in a run step's header block: <c>  shell: /usr/bin/bash -e {0}</c>, <c>  with:</c>, <c>  env:</c>.</summary>
    [GeneratedRegex(@"^  (?:shell|env|with|working-directory):(?: |$)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex RunSetting();

    [GeneratedRegex(@"^##\[error\]Process completed with exit code (-?\d+)\.?", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ExitLine();

    private sealed class Parser : LogParser
    {
        protected override bool StepsStopAtFailure => true;

        private bool _started;
        private bool _sawPostCleanup;

        // Between "##[group]Run …" and "##[endgroup]": the step's script, shell and env, echoed
        // by the runner, not output of the step. Never past the step's end: a header that did
        // not close by then (a cut log) was not one, and what follows is output.
        private bool _inRunHeader;

        // A job-page copy: "Run X" headers, whose block ends at the first line that is neither
        // indented script nor a setting (the copy has no ##[endgroup]).
        private bool _page;
        private bool _inPageHeader;
        private bool _pageSettings;

        // The run step a copy starts inside of, named from its first script line.
        private string? _leadRun;

        public override string Ci => "github";

        protected override IReadOnlyList<string> FormatMarkers => ["##[", "Post job cleanup.", "Cleaning up orphan processes", "Run "];

        // Before the first non-empty line decides "Set up job", and inside a copy's header block, lines are parsed.
        public override bool CanSkip(ReadOnlySpan<byte> raw) => _started && !_inPageHeader;

        public override LineKind QuietKind => _inRunHeader ? LineKind.Echo : LineKind.Content;

        public override string PlainText(string raw) => CleanWithIsoTimestamp(raw);

        protected override void OnHead(IReadOnlyList<string> head)
        {
            _page = !head.Any(l => !ReferenceEquals(StripIsoTimestamp(l), l) || l.StartsWith("##[group]", StringComparison.Ordinal));
            if (!_page)
            {
                return;
            }
            // "  pytest --cov=." then "  shell: /usr/bin/bash -e {0}": the header's script, its "Run" line not copied.
            var lines = head.Select(l => TextCleaner.StripAnsi(l)).SkipWhile(l => l.Length == 0).Take(40).ToList();
            int setting = lines.FindIndex(l => RunSetting().IsMatch(l));
            if (setting > 0 && lines.Take(setting).All(l => l.StartsWith("  ", StringComparison.Ordinal)))
            {
                _leadRun = "Run " + lines[0].Trim();
            }
        }

        protected override LogLine ParseLine(long number, string raw)
        {
            string text = CleanWithIsoTimestamp(raw);
            if (!_started && text.Length > 0)
            {
                _started = true;
                if (_leadRun is not null)
                {
                    BeginStep(_leadRun, number);
                    _inPageHeader = true;
                }
                else if (IsPreamble(text))
                {
                    BeginStep("Set up job", number);
                }
            }
            if (_inPageHeader && PageHeaderLine(text))
            {
                return new LogLine(number, text, CurrentStep, LineKind.Echo);
            }
            if (text.StartsWith("##[group]Run ", StringComparison.Ordinal))
            {
                BeginStep(_sawPostCleanup ? "Post " + text[9..] : text[9..], number);
                _sawPostCleanup = false;
                _inRunHeader = true;
                return new LogLine(number, text, CurrentStep, LineKind.Marker);
            }
            if (_page && text.StartsWith("Run ", StringComparison.Ordinal) && text.Length > 4 && text[4] != ' ')
            {
                BeginStep(_sawPostCleanup ? "Post " + text : text, number);
                _sawPostCleanup = false;
                _inPageHeader = true;
                _pageSettings = false;
                return new LogLine(number, text, CurrentStep, LineKind.Marker);
            }
            if (text == "Post job cleanup.")
            {
                _inRunHeader = false;
                _sawPostCleanup = true;
                BeginStep("Post job cleanup", number);
                return new LogLine(number, text, CurrentStep, LineKind.Marker);
            }
            if (text == "Cleaning up orphan processes")
            {
                _inRunHeader = false;
                BeginStep("Complete job", number);
                return new LogLine(number, text, CurrentStep, LineKind.Marker);
            }
            if (text.StartsWith("##[", StringComparison.Ordinal))
            {
                return Command(number, text);
            }
            return new LogLine(number, text, CurrentStep, _inRunHeader ? LineKind.Echo : LineKind.Content);
        }

        /// <summary>
        /// True while <paramref name="text"/> continues a copied run header: indented script lines,
        /// then settings (<c>  shell: …</c>) with their indented values. Ends the block otherwise.
        /// </summary>
        private bool PageHeaderLine(string text)
        {
            if (RunSetting().IsMatch(text))
            {
                _pageSettings = true;
                return true;
            }
            bool continues = _pageSettings ? text.StartsWith("    ", StringComparison.Ordinal) : text.StartsWith("  ", StringComparison.Ordinal);
            _inPageHeader = continues;
            return continues;
        }

        /// <summary>A <c>##[…]</c> line: group ends, Azure sections, exit reports and errors.</summary>
        private LogLine Command(long number, string text)
        {
            if (text.StartsWith("##[endgroup]", StringComparison.Ordinal))
            {
                _inRunHeader = false;
            }
            else if (text.StartsWith("##[section]Starting: ", StringComparison.Ordinal))
            {
                BeginStep(text["##[section]Starting: ".Length..], number);
            }
            else if (text.StartsWith("##[section]Finishing: ", StringComparison.Ordinal))
            {
                Finishing(text["##[section]Finishing: ".Length..].Trim(), number);
            }
            var exit = ExitLine().Match(text);
            if (exit.Success)
            {
                // The step ended: a Run header that never closed (a cut log) echoes nothing after it.
                _inRunHeader = false;
                StepExited(int.Parse(exit.Groups[1].ValueSpan), number);
            }
            else if (text.StartsWith("##[error]", StringComparison.Ordinal))
            {
                StepFailed(number);
            }
            return new LogLine(number, text, CurrentStep, LineKind.Marker);
        }

        /// <summary>
        /// An Azure step's end. When it names a step that never started here, the excerpt was cut
        /// (a pasted <c>---</c>): the output since the cut was that step's, so an error reported
        /// since the open step began is that step's failure.
        /// </summary>
        private void Finishing(string name, long number)
        {
            if (CurrentStepName == name)
            {
                EndStep(number);
                return;
            }
            for (int i = 0; i < StepCount; i++)
            {
                if (StepName(i) == name)
                {
                    // The end of an enclosing step (the job's own section): nothing to do.
                    return;
                }
            }
            bool failed = CurrentStep >= 0 && StepStatus(CurrentStep) == RunStatus.Failed;
            BeginStep(name, number);
            if (failed)
            {
                SetStepOutcome(CurrentStep, RunStatus.Failed, null, number);
                SetFailedStep(CurrentStep);
            }
            EndStep(number);
        }
    }
}
