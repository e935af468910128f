using System.Text.RegularExpressions;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Logs;

/// <summary>
/// GitLab CI job traces (gitlab-runner). The runner brackets each stage of the job with
/// <c>\e[0Ksection_start:&lt;unix ts&gt;:&lt;name&gt;[options]\r\e[0K&lt;header&gt;</c> and
/// <c>section_end:&lt;ts&gt;:&lt;name&gt;\r\e[0K</c>; with universal line ends the <c>\r</c> puts
/// the marker and the header on two lines. Each top-level section is a step named after the
/// section (<c>prepare_executor</c>, <c>get_sources</c>, <c>step_script</c>, …); nested sections
/// (user sections, script-step sections) stay inside it. The job ends with
/// <c>Job succeeded</c>, <c>ERROR: Job failed: exit code N</c> (the script's exit code; the failed
/// step is the last script section that ran) or <c>ERROR: Job failed (system failure): …</c>.
/// With <c>FF_TIMESTAMPS</c> every line starts with
/// <c>2024-06-05T12:34:56.123456Z 00O </c> (stream number in hex, <c>O</c>/<c>E</c>, then a space
/// or <c>+</c> for a continued line), which is removed.
/// A copy from the job page has no section markers: there each stage title the runner prints
/// (<c>Getting source from Git repository</c>, with the page's duration <c>00:06</c> after it or on
/// the next line) starts a step named after the title, and a tail with only
/// <c>ERROR: Job failed: …</c> is still recognised.
/// </summary>
internal sealed partial class GitLabLogReader : ILogReader
{
    public string Ci => "gitlab";

    public int Detect(IReadOnlyList<string> head)
    {
        int score = 0;
        foreach (string raw in head)
        {
            string line = Clean(raw);
            if (line.StartsWith("Running with gitlab-runner ", StringComparison.Ordinal)
                || line.StartsWith("Running with gitlab-ci-multi-runner ", StringComparison.Ordinal))
            {
                score += 95;
            }
            else if (line.StartsWith("section_start:", StringComparison.Ordinal) || line.StartsWith("section_end:", StringComparison.Ordinal))
            {
                score += Section().IsMatch(line) ? 40 : 0;
            }
            else if (line.StartsWith("ERROR: Job failed", StringComparison.Ordinal) || StageTitle(line) is not null)
            {
                score += 40;
            }
            else if (line == "Job succeeded" || line.StartsWith("ERROR: Preparation failed: ", StringComparison.Ordinal)
                || ExecutorLine().IsMatch(line) || line.StartsWith("Fetching changes with git depth set to ", StringComparison.Ordinal))
            {
                score += 20;
            }
        }
        return Math.Min(score, 95);
    }

    /// <summary>
    /// The title of a stage as the runner prints it (common/build.go GetStageDescription, and
    /// <c>Preparing the "docker" executor</c>), without the duration a job page puts after it;
    /// null when the line is none.
    /// </summary>
    internal static string? StageTitle(string line)
    {
        var title = Title().Match(line);
        return title.Success ? title.Groups[1].Value : null;
    }

    [GeneratedRegex(@"^(Preparing the ""[^""]+"" executor|Preparing environment|Getting source from Git repository|Restoring cache|Downloading artifacts|Resolving secrets|Executing ""[A-Za-z0-9_]+"" stage of the job script|Running before_script and script|Running after_script|Saving cache(?: for (?:successful|failed) job)?|Uploading artifacts for (?:successful|failed) job|Cleaning up (?:project directory and )?file based variables)(?:\s+\d\d:\d\d(?::\d\d)?)?\s*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Title();

    [GeneratedRegex(@"^Using [A-Za-z+-]+ executor", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ExecutorLine();

    public LogParser CreateParser() => new Parser();

    /// <summary>Removes the runner's timestamp prefix (raw, before any escape), then ANSI escapes.</summary>
    internal static string Clean(string raw)
    {
        if (raw.Length > 31 && raw[4] == '-' && raw[10] == 'T')
        {
            var stamp = RunnerTimestamp().Match(raw);
            if (stamp.Success)
            {
                raw = raw[stamp.Length..];
            }
        }
        return TextCleaner.StripAnsi(raw);
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z [0-9a-f]{2}[OE][ +]", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex RunnerTimestamp();

    [GeneratedRegex(@"section_(start|end):(\d+):([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Section();

    [GeneratedRegex(@"^ERROR: Job failed(?: \(system failure\))?: ?(.*)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex JobFailed();

    // "exit code 1", "command terminated with exit code 1", "prepare environment: exit code 255. Check …".
    [GeneratedRegex(@"^(?:prepare environment: )?(?:command terminated with )?exit (?:code|status) (-?\d+)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ExitCode();

    private sealed class Parser : LogParser
    {
        protected override bool StepsStopAtFailure => true;

        private readonly Stack<string> _open = new();
        private bool _headerNext;

        // A job-page copy (no section markers in the head): stage titles start the steps.
        private bool _titles;

        public override string Ci => "gitlab";

        protected override IReadOnlyList<string> FormatMarkers =>
        [
            "section_", "ERROR: Job failed", "Job succeeded", "Running with gitlab-runner ",
            "Preparing the \"", "Preparing environment", "Getting source from Git repository", "Restoring cache", "Downloading artifacts", "Resolving secrets",
            " stage of the job script", "Running before_script and script", "Running after_script", "Saving cache",
            "Uploading artifacts for ", "file based variables",
        ];

        protected override void OnHead(IReadOnlyList<string> head) =>
            _titles = !head.Any(l => l.Contains("section_start:", StringComparison.Ordinal) || l.Contains("section_end:", StringComparison.Ordinal));

        // The first non-empty line after a section start is its header.
        public override bool CanSkip(ReadOnlySpan<byte> raw) => !_headerNext;

        public override string PlainText(string raw) => Clean(raw);

        protected override LogLine ParseLine(long number, string raw)
        {
            string text = Clean(raw);
            if (_headerNext && text.Length > 0)
            {
                // The header the runner writes after "\r\e[0K" of a section_start (with timestamps,
                // an empty line and a continuation entry come between).
                _headerNext = false;
                if (!text.Contains("section_", StringComparison.Ordinal))
                {
                    return new LogLine(number, text, CurrentStep, LineKind.Marker);
                }
            }
            if (text.Contains("section_", StringComparison.Ordinal))
            {
                var section = Section().Match(text);
                if (section.Success)
                {
                    _titles = false;
                    return ParseSection(number, text, section);
                }
            }
            if (_titles && StageTitle(text) is string title)
            {
                BeginStep(title, number);
                return new LogLine(number, text, CurrentStep, LineKind.Marker);
            }
            if (text.StartsWith("ERROR: Job failed", StringComparison.Ordinal))
            {
                JobFailedLine(number, text);
                return new LogLine(number, text, CurrentStep, LineKind.Marker);
            }
            if (text == "Job succeeded")
            {
                JobEnded(RunStatus.Passed, null, number);
                return new LogLine(number, text, CurrentStep, LineKind.Marker);
            }
            if (text.StartsWith("Running with gitlab-runner ", StringComparison.Ordinal))
            {
                return new LogLine(number, text, CurrentStep, LineKind.Marker);
            }
            return new LogLine(number, text, CurrentStep);
        }

        private LogLine ParseSection(long number, string text, Match section)
        {
            string name = section.Groups[3].Value;
            int owner = CurrentStep;
            if (section.Groups[1].ValueSpan is "start")
            {
                if (_open.Count == 0)
                {
                    BeginStep(name, number);
                }
                _open.Push(name);
                _headerNext = true;
                owner = CurrentStep;
            }
            else if (_open.Count > 0 && _open.Contains(name))
            {
                string closed;
                do
                {
                    closed = _open.Pop();
                }
                while (closed != name);
                if (_open.Count == 0)
                {
                    EndStep(number);
                }
            }
            // Output written without a final newline glues the marker to it: keep the output.
            if (section.Index > 0 && text.AsSpan(0, section.Index).Trim().Length > 0)
            {
                return new LogLine(number, text[..section.Index], owner);
            }
            return new LogLine(number, text, owner, LineKind.Marker);
        }

        private void JobFailedLine(long number, string text)
        {
            var failed = JobFailed().Match(text);
            string reason = failed.Success ? failed.Groups[1].Value : "";
            if (reason.StartsWith("canceled", StringComparison.Ordinal))
            {
                JobEnded(RunStatus.Cancelled, null, number);
                return;
            }
            bool system = text.Contains("(system failure)", StringComparison.Ordinal);
            var exit = system ? Match.Empty : ExitCode().Match(reason);
            int? code = exit.Success ? int.Parse(exit.Groups[1].ValueSpan) : null;
            int step = system ? StepCount - 1
                : reason.StartsWith("prepare environment: ", StringComparison.Ordinal) ? Stage("prepare_script", "Preparing environment")
                : ScriptStep();
            if (step >= 0)
            {
                SetStepOutcome(step, RunStatus.Failed, code, number);
                SetFailedStep(step);
            }
            JobEnded(RunStatus.Failed, code, number);
        }

        /// <summary>The last step that is stage <paramref name="section"/> (by section name, or by title in a copy); else the last script step.</summary>
        private int Stage(string section, string title)
        {
            for (int i = StepCount - 1; i >= 0; i--)
            {
                if (StepName(i) == section || StepName(i) == title)
                {
                    return i;
                }
            }
            return ScriptStep();
        }

        /// <summary>The last script section that ran: step_script (build_script before 13.x), else the last before the post-job sections.</summary>
        private int ScriptStep()
        {
            int fallback = -1;
            for (int i = StepCount - 1; i >= 0; i--)
            {
                string name = StepName(i);
                if (name is "step_script" or "build_script" or "Running before_script and script" || name.StartsWith("step_", StringComparison.Ordinal)
                    || name.StartsWith("Executing \"step_", StringComparison.Ordinal) || name.StartsWith("Executing \"build_script\"", StringComparison.Ordinal))
                {
                    return i;
                }
                if (fallback < 0 && !IsAfterScript(name))
                {
                    fallback = i;
                }
            }
            return fallback >= 0 ? fallback : StepCount - 1;
        }

        /// <summary>Sections the runner runs after the script; a script failure is never one of them.</summary>
        private static bool IsAfterScript(string name) =>
            name is "after_script" or "archive_cache" or "archive_cache_on_failure" or "upload_artifacts_on_success"
                or "upload_artifacts_on_failure" or "cleanup_file_variables" or "Running after_script"
            || name.StartsWith("Saving cache", StringComparison.Ordinal) || name.StartsWith("Uploading artifacts for ", StringComparison.Ordinal)
            || name.StartsWith("Cleaning up ", StringComparison.Ordinal);
    }
}
