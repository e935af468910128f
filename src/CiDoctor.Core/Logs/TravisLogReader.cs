using System.Text.RegularExpressions;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Logs;

/// <summary>
/// Travis CI job logs (travis-build). Setup phases are folded with
/// <c>travis_fold:start:NAME\r\e[0K</c> … <c>travis_fold:end:NAME\r\e[0K</c>; timed commands
/// are bracketed by <c>travis_time:start:ID\r\e[0K</c> and
/// <c> travis_time:end:ID:start=…,finish=…,duration=…\r\e[0K</c> around their <c>$ command</c>
/// echo. The markers sit at line starts or glued to other output; they are removed from the text.
/// Steps: each fold (named after it) and each timed command outside a fold (named after the
/// command, e.g. <c>npm test</c>). <c>The command "X" exited with N.</c> records the command's
/// exit; the failed step is the first command reported non-zero. The log ends with
/// <c>Done. Your build exited with N.</c>; the job's exit code is the failed command's code
/// (the footer only says 0 or 1).
/// </summary>
internal sealed partial class TravisLogReader : ILogReader
{
    public string Ci => "travis";

    public int Detect(IReadOnlyList<string> head)
    {
        int score = 0;
        foreach (string raw in head)
        {
            if (raw.Contains("travis_fold:", StringComparison.Ordinal) || raw.Contains("travis_time:", StringComparison.Ordinal))
            {
                score += Marker().IsMatch(raw) ? 45 : 0;
                continue;
            }
            // A pasted tail keeps travis-build's and the worker's own report lines.
            string line = TextCleaner.StripAnsi(raw);
            if (CommandExit().IsMatch(line) || Done().IsMatch(line)
                || line.StartsWith("No output has been received in the last ", StringComparison.Ordinal)
                || line.StartsWith("The job exceeded the maximum ", StringComparison.Ordinal))
            {
                score += 40;
            }
            else if (line == "Your build has been stopped.")
            {
                score += 20;
            }
        }
        return Math.Min(score, 95);
    }

    public LogParser CreateParser() => new Parser();

    [GeneratedRegex(@"travis_(fold|time):(start|end):([^\s\x1b]*)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Marker();

    [GeneratedRegex(@"^The command ""(.*)"" (?:failed and )?exited with (-?\d+)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CommandExit();

    // A multi-line command's report ends on a later line: `" exited with 1.`
    [GeneratedRegex(@"^(?:.*"")? (?:failed and )?exited with (-?\d+)\.$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CommandExitEnd();

    [GeneratedRegex(@"^Done\. Your build exited with (-?\d+)\.", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Done();

    private sealed class Parser : LogParser
    {
        protected override bool StepsStopAtFailure => true;

        private bool _inFold;
        private bool _timed;
        private bool _commandFailed;
        private bool _afterTimeEnd;

        // The first line of a multi-line command's exit report, until its closing line comes.
        private string? _reportedCommand;
        private int _reportLines;

        public override string Ci => "travis";

        protected override IReadOnlyList<string> FormatMarkers => ["travis_", "The command \"", "Done. "];

        // After a time marker the next line may start the step; inside a command's exit report
        // lines are Travis quoting it back.
        public override bool CanSkip(ReadOnlySpan<byte> raw) => !_afterTimeEnd && !_timed && _reportedCommand is null;

        public override string PlainText(string raw) => TextCleaner.StripAnsi(raw);

        protected override LogLine ParseLine(long number, string raw)
        {
            string text = TextCleaner.StripAnsi(raw);
            if (_afterTimeEnd && text.StartsWith(' '))
            {
                // travis_time:end is written as " travis_time:end:…\r\e[0K ": its last space
                // lands at the start of the next line.
                text = text[1..];
            }
            _afterTimeEnd = false;
            if (text.Contains("travis_", StringComparison.Ordinal))
            {
                var markers = Marker().Matches(text);
                foreach (Match marker in markers)
                {
                    OnMarker(marker, number);
                }
                if (markers.Count > 0)
                {
                    string rest = Marker().Replace(text, "").Trim();
                    if (rest.Length == 0)
                    {
                        return new LogLine(number, text.Trim(), CurrentStep, LineKind.Marker);
                    }
                    text = rest;
                }
            }
            if (_timed && text.StartsWith("$ ", StringComparison.Ordinal))
            {
                _timed = false;
                if (!_inFold)
                {
                    BeginStep(text[2..], number);
                }
                return new LogLine(number, text, CurrentStep);
            }
            var exit = text.StartsWith("The command \"", StringComparison.Ordinal) ? CommandExit().Match(text) : Match.Empty;
            if (exit.Success)
            {
                _reportedCommand = null;
                CommandExited(exit.Groups[1].Value, int.Parse(exit.Groups[2].ValueSpan), number);
                return new LogLine(number, text, CurrentStep, LineKind.Marker);
            }
            if (text.StartsWith("The command \"", StringComparison.Ordinal))
            {
                _reportedCommand = text["The command \"".Length..].Trim();
                _reportLines = 0;
                return new LogLine(number, text, CurrentStep, LineKind.Marker);
            }
            else if (_reportedCommand is not null && ++_reportLines <= 50)
            {
                var end = CommandExitEnd().Match(text);
                if (end.Success)
                {
                    CommandExited(_reportedCommand, int.Parse(end.Groups[1].ValueSpan), number);
                    _reportedCommand = null;
                    return new LogLine(number, text, CurrentStep, LineKind.Marker);
                }
                // Travis quoting the command back, not output.
                return new LogLine(number, text, CurrentStep, LineKind.Echo);
            }
            var done = text.StartsWith("Done. ", StringComparison.Ordinal) ? Done().Match(text) : Match.Empty;
            if (done.Success)
            {
                int code = int.Parse(done.Groups[1].ValueSpan);
                JobEnded(code == 0 ? RunStatus.Passed : RunStatus.Failed, _commandFailed ? null : code, number);
                return new LogLine(number, text, CurrentStep, LineKind.Marker);
            }
            return new LogLine(number, text, CurrentStep);
        }

        private void OnMarker(Match marker, long number)
        {
            bool start = marker.Groups[2].ValueSpan is "start";
            if (marker.Groups[1].ValueSpan is "fold")
            {
                if (start)
                {
                    BeginStep(marker.Groups[3].Value, number);
                }
                _inFold = start;
            }
            else
            {
                _timed = start;
                _afterTimeEnd = !start;
            }
        }

        private void CommandExited(string command, int code, long number)
        {
            int step = CurrentStep;
            for (int i = StepCount - 1; i >= 0; i--)
            {
                string name = StepName(i);
                if (name == command)
                {
                    step = i;
                    break;
                }
            }
            if (step < 0)
            {
                return;
            }
            if (code != 0 && !_commandFailed)
            {
                _commandFailed = true;
                SetFailedStep(step);
            }
            SetStepOutcome(step, code == 0 ? RunStatus.Passed : RunStatus.Failed, code, number);
        }
    }
}
