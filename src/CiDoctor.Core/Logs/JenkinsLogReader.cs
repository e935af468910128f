using System.Text.RegularExpressions;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Logs;

/// <summary>
/// Jenkins console output. Pipeline jobs: <c>[Pipeline] stage</c> then <c>[Pipeline] { (Name)</c>
/// starts a stage, which is a step until the next stage starts or <c>[Pipeline] End of Pipeline</c>;
/// the build ends with <c>ERROR: script returned exit code N</c> (a failed <c>sh</c>) and
/// <c>Finished: SUCCESS|FAILURE|UNSTABLE|ABORTED|NOT_BUILT</c>. The failed stage is the last one
/// that ran before the first <c>Stage "X" skipped due to earlier failure(s)</c> (or the last stage),
/// never the <c>Declarative: Post Actions</c>. Freestyle jobs: each <c>[ws] $ /bin/sh -xe /tmp/jenkins….sh</c>
/// starts an "Execute shell" step (<c>$ cmd /c call …\jenkins….bat</c> an "Execute Windows batch
/// command" step, whose echoed <c>C:\ws&gt;exit N</c> is its exit code); <c>Build step 'X' marked
/// build as failure</c> fails it.
/// Removed from the text: the hidden console notes <c>\e[8mha:…\e[0m</c>, ANSI escapes, and the
/// Timestamper prefix (<c>[2024-01-01T00:00:00.000Z] </c>, or <c>12:34:56 </c> when the log starts with it).
/// </summary>
internal sealed partial class JenkinsLogReader : ILogReader
{
    public string Ci => "jenkins";

    public int Detect(IReadOnlyList<string> head)
    {
        int score = 0;
        bool clock = head.Count > 0 && JenkinsConsoleText.StartsWithClock(head[0]);
        foreach (string raw in head)
        {
            string line = JenkinsConsoleText.Clean(raw, clock);
            if (line.StartsWith("[Pipeline] ", StringComparison.Ordinal) || raw.Contains(JenkinsConsoleText.NoteStart, StringComparison.Ordinal))
            {
                score += 30;
            }
            else if (line.StartsWith("Started by ", StringComparison.Ordinal) || line.StartsWith("Building in workspace ", StringComparison.Ordinal)
                || line.StartsWith("Running as SYSTEM", StringComparison.Ordinal))
            {
                score += 30;
            }
            else if (FreestyleInterpreter(line) is not null || Finished().IsMatch(line))
            {
                score += 40;
            }
            else if (line.StartsWith("ERROR: script returned exit code ", StringComparison.Ordinal))
            {
                score += 30;
            }
        }
        return Math.Min(score, 90);
    }

    public LogParser CreateParser() => new Parser();

    [GeneratedRegex(@"^Finished: (SUCCESS|FAILURE|UNSTABLE|ABORTED|NOT_BUILT)\s*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Finished();

    /// <summary>
    /// The interpreter of a freestyle build step's command line, <c>[ws] $ /bin/sh -xe /tmp/jenkins123.sh</c>
    /// or <c>[ws] $ cmd /c call C:\…\jenkins123.bat</c>; null for other lines. Plain string checks, so a
    /// 64 KiB line costs one pass.
    /// </summary>
    private static string? FreestyleInterpreter(string text)
    {
        int prompt = text.StartsWith('[') ? text.IndexOf("] $ ", StringComparison.Ordinal) : -1;
        if (prompt < 0)
        {
            return null;
        }
        var rest = text.AsSpan(prompt + 4).TrimEnd();
        int space = rest.IndexOf(' ');
        int last = rest.LastIndexOfAny(' ', '\\', '/');
        if (space <= 0 || last < 0
            || !rest[(last + 1)..].StartsWith("jenkins", StringComparison.Ordinal)
            || !(rest.EndsWith(".sh", StringComparison.Ordinal) || rest.EndsWith(".bat", StringComparison.Ordinal) || rest.EndsWith(".ps1", StringComparison.Ordinal)))
        {
            return null;
        }
        string interpreter = rest[..space].ToString();
        return interpreter is "/bin/sh" or "/bin/bash" or "sh" or "bash" or "cmd" or "cmd.exe" or "powershell" or "powershell.exe" or "pwsh"
            ? interpreter
            : null;
    }

    [GeneratedRegex(@"^[A-Za-z]:\\[^>]*>exit (-?\d+)\s*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BatchExit();

    /// <summary>The build step's name as Jenkins reports it in "Build step 'X' marked build as failure".</summary>
    private static string BuildStepName(string interpreter) => interpreter switch
    {
        "cmd" or "cmd.exe" => "Execute Windows batch command",
        "powershell" or "powershell.exe" or "pwsh" => "PowerShell",
        _ => "Execute shell",
    };

    [GeneratedRegex(@"^\[Pipeline\] \{ \((.+)\)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BlockOpen();

    [GeneratedRegex(@"script returned exit code (-?\d+)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ScriptExit();

    [GeneratedRegex(@"^Stage ""(.+)"" skipped due to (earlier failure|when conditional)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Skipped();

    [GeneratedRegex(@"^Build step '(.+)' marked build as failure", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BuildStepFailed();

    private sealed class Parser : LogParser
    {
        private readonly HashSet<int> _skipped = [];
        private bool? _clock;
        private bool _stageNext;
        private int _firstSkippedByFailure = -1;
        private int? _exit;
        private long? _exitLine;

        public override string Ci => "jenkins";

        protected override IReadOnlyList<string> FormatMarkers =>
            ["[Pipeline] ", "] $ ", ">exit ", "Stage \"", "script returned exit code ", "Build step '", "Finished: "];

        // Console notes are removed with their content: a line with one is parsed.
        public override bool CanSkip(ReadOnlySpan<byte> raw) => !raw.Contains((byte)0x1b) || raw.IndexOf("\u001b[8mha:"u8) < 0;

        // The first line, always parsed, sets the clock.
        public override string PlainText(string raw) => JenkinsConsoleText.Clean(raw, _clock ?? false);

        protected override LogLine ParseLine(long number, string raw)
        {
            _clock ??= JenkinsConsoleText.StartsWithClock(raw);
            string text = JenkinsConsoleText.Clean(raw, _clock.Value);
            if (text.StartsWith("[Pipeline] ", StringComparison.Ordinal))
            {
                return PipelineLine(number, text);
            }
            if (FreestyleInterpreter(text) is string interpreter)
            {
                BeginStep(BuildStepName(interpreter), number);
                return new LogLine(number, text, CurrentStep, LineKind.Marker);
            }
            var batchExit = text.Length > 3 && text[1] == ':' ? BatchExit().Match(text) : Match.Empty;
            if (batchExit.Success && CurrentStepName == "Execute Windows batch command")
            {
                // The batch wrapper ends with "exit %ERRORLEVEL%", echoed with the prompt.
                int code = int.Parse(batchExit.Groups[1].ValueSpan);
                SetStepOutcome(CurrentStep, code == 0 ? RunStatus.Passed : RunStatus.Failed, code, number);
                return new LogLine(number, text, CurrentStep);
            }
            var skipped = text.StartsWith("Stage \"", StringComparison.Ordinal) ? Skipped().Match(text) : Match.Empty;
            if (skipped.Success && CurrentStepName == skipped.Groups[1].Value)
            {
                _skipped.Add(CurrentStep);
                if (_firstSkippedByFailure < 0 && skipped.Groups[2].ValueSpan is "earlier failure")
                {
                    _firstSkippedByFailure = CurrentStep;
                }
                SetStepOutcome(CurrentStep, RunStatus.Skipped, null, number);
                return new LogLine(number, text, CurrentStep, LineKind.Marker);
            }
            var exit = text.Contains("script returned exit code ", StringComparison.Ordinal) ? ScriptExit().Match(text) : Match.Empty;
            if (exit.Success && _exit is null)
            {
                _exit = int.Parse(exit.Groups[1].ValueSpan);
                _exitLine = number;
            }
            if (exit.Success && text.StartsWith("ERROR: ", StringComparison.Ordinal))
            {
                // Jenkins' own report of the failed sh step, after End of Pipeline.
                return new LogLine(number, text, CurrentStep, LineKind.Marker);
            }
            if (text.StartsWith("Build step '", StringComparison.Ordinal) && BuildStepFailed().IsMatch(text))
            {
                SetStepOutcome(CurrentStep, RunStatus.Failed, null, number);
                return new LogLine(number, text, CurrentStep, LineKind.Marker);
            }
            var finished = text.StartsWith("Finished: ", StringComparison.Ordinal) ? Finished().Match(text) : Match.Empty;
            if (finished.Success)
            {
                FinishedLine(number, finished.Groups[1].Value);
                return new LogLine(number, text, CurrentStep, LineKind.Marker);
            }
            return new LogLine(number, text, CurrentStep);
        }

        private LogLine PipelineLine(long number, string text)
        {
            if (text == "[Pipeline] stage")
            {
                _stageNext = true;
                return new LogLine(number, text, CurrentStep, LineKind.Marker);
            }
            var block = BlockOpen().Match(text);
            if (block.Success && _stageNext)
            {
                BeginStep(block.Groups[1].Value, number);
            }
            else if (text == "[Pipeline] End of Pipeline")
            {
                EndStep(number - 1);
            }
            _stageNext = false;
            return new LogLine(number, text, CurrentStep, LineKind.Marker);
        }

        private void FinishedLine(long number, string result)
        {
            switch (result)
            {
                case "SUCCESS":
                    JobEnded(RunStatus.Passed, null, number);
                    return;
                case "ABORTED":
                    JobEnded(RunStatus.Cancelled, null, number);
                    return;
                case "NOT_BUILT":
                    JobEnded(RunStatus.Skipped, null, number);
                    return;
            }
            // The failure is reported where the exit code is, else by the Finished line.
            long line = _exitLine ?? number;
            int failed = FailedStage();
            if (failed >= 0)
            {
                SetStepOutcome(failed, RunStatus.Failed, _exit, line);
                SetFailedStep(failed);
            }
            JobEnded(RunStatus.Failed, _exit, line);
        }

        /// <summary>The stage that failed: a step already marked failed, else the last one that ran before the first stage skipped because of it.</summary>
        private int FailedStage()
        {
            int count = StepCount;
            for (int i = 0; i < count; i++)
            {
                if (i < ClosedSteps.Count && ClosedSteps[i].Status == RunStatus.Failed)
                {
                    return i;
                }
            }
            int end = _firstSkippedByFailure >= 0 ? _firstSkippedByFailure : count;
            for (int i = end - 1; i >= 0; i--)
            {
                string name = StepName(i);
                if (!_skipped.Contains(i) && !name.StartsWith("Declarative: Post Actions", StringComparison.Ordinal))
                {
                    return i;
                }
            }
            return count - 1;
        }
    }
}
