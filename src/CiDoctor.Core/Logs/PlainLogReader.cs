using System.Text.RegularExpressions;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Logs;

/// <summary>
/// Any text log: ANSI escapes and ISO timestamp prefixes removed; no steps, except the two shapes
/// of CircleCI, which has no reader of its own (it is not one of the CI names): a run step's
/// script echoed after its shell line (<c>#!/bin/bash -eo pipefail</c>, then the command, which
/// names the step), and the local CLI's <c>====>> Step name</c> headers. The closing lines of
/// every CI system are read as by every reader (<see cref="ClosingLines"/>).
/// </summary>
internal sealed partial class PlainLogReader : ILogReader
{
    public string Ci => "plain";

    public int Detect(IReadOnlyList<string> head) => 1;

    public LogParser CreateParser() => new Parser();

    /// <summary>The shell line CircleCI echoes before a run step's command (bash, or sh on images without bash).</summary>
    [GeneratedRegex(@"^#!/bin/(?:ba)?sh -eo pipefail\s*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Shebang();

    private sealed class Parser : LogParser
    {
        // After a shell line: the next non-empty line is the step's command.
        private bool _commandNext;
        private bool _nameFromCommand;
        private long? _headerLine;

        public override string Ci => "plain";

        protected override bool ClosingFailureLine => false;

        protected override IReadOnlyList<string> FormatMarkers => ["#!/bin/", "====>> "];

        public override bool CanSkip(ReadOnlySpan<byte> raw) => !_commandNext;

        public override string PlainText(string raw) => CleanWithIsoTimestamp(raw);

        protected override LogLine ParseLine(long number, string raw)
        {
            string text = CleanWithIsoTimestamp(raw);
            string trimmed = text.Trim();
            if (_commandNext && trimmed.Length > 0)
            {
                _commandNext = false;
                if (_nameFromCommand)
                {
                    RenameOpenStep(trimmed);
                }
                return new LogLine(number, text, CurrentStep, LineKind.Echo);
            }
            if (trimmed.StartsWith("====>> ", StringComparison.Ordinal))
            {
                BeginStep(trimmed[7..], number);
                _headerLine = number;
                return new LogLine(number, text, CurrentStep, LineKind.Marker);
            }
            if (Shebang().IsMatch(trimmed))
            {
                // Right under a "====>> " header the script is that step's; elsewhere it starts the step.
                _nameFromCommand = _headerLine is not long header || number - header > 2;
                if (_nameFromCommand)
                {
                    BeginStep(trimmed, number);
                }
                _commandNext = true;
                return new LogLine(number, text, CurrentStep, LineKind.Echo);
            }
            return new LogLine(number, text, CurrentStep);
        }
    }
}
