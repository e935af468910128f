using System.Text.RegularExpressions;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Logs;

/// <summary>
/// Drone step logs (drone-runner-docker, <c>drone log view</c>, the UI download). A step's log
/// is the raw output of its container: the runner's generated script echoes each command as
/// <c>+ command</c> (with <c>$</c> kept literal, so <c>+ echo $DRONE_COMMIT</c>) and writes no
/// header, footer or exit report, so a file is one step, named after the file (a run folder
/// holds one file per step), and its status and exit code are unknown from the log alone.
/// Detection is conservative: it needs the <c>+ </c> echoes together with the default workspace
/// <c>/drone/src</c> (Woodpecker, a Drone fork: <c>/woodpecker/src</c>) or a <c>DRONE_</c> variable
/// in an echoed command; otherwise use <c>--ci drone</c>. A copy of the step page, where every line
/// is followed by its elapsed time (<c>23s</c>) and the next line's number on lines of their own,
/// is recognised by that rhythm.
/// </summary>
internal sealed partial class DroneLogReader : ILogReader
{
    public string Ci => "drone";

    // Lines of a step page copy: an elapsed time followed by a line number, this many times.
    private const int PageRhythm = 3;

    public int Detect(IReadOnlyList<string> head)
    {
        bool echo = false;
        bool workspace = false;
        bool variable = false;
        int rhythm = 0;
        for (int i = 0; i < head.Count; i++)
        {
            string line = TextCleaner.StripAnsi(head[i]);
            if (line.StartsWith("+ ", StringComparison.Ordinal))
            {
                echo = true;
                variable |= line.Contains("$DRONE_", StringComparison.Ordinal) || line.Contains("${DRONE_", StringComparison.Ordinal);
            }
            workspace |= line.Contains("/drone/src", StringComparison.Ordinal) || line.Contains("/woodpecker/src", StringComparison.Ordinal);
            if (i + 1 < head.Count && Elapsed().IsMatch(line) && head[i + 1].Length > 0 && head[i + 1].All(char.IsAsciiDigit))
            {
                rhythm++;
            }
        }
        if (rhythm >= PageRhythm)
        {
            return 50;
        }
        if (!echo)
        {
            return 0;
        }
        return (workspace ? 25 : 0) + (variable ? 25 : 0);
    }

    [GeneratedRegex(@"^(?:\d+h)?(?:\d+m)?\d+s$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Elapsed();

    public LogParser CreateParser() => new Parser();

    private sealed class Parser : LogParser
    {
        public override string Ci => "drone";

        protected override IReadOnlyList<string> FormatMarkers => [];

        // Only the first line starts the step, and the first line is always parsed.
        public override bool CanSkip(ReadOnlySpan<byte> raw) => true;

        public override string PlainText(string raw) => CleanWithIsoTimestamp(raw);

        protected override LogLine ParseLine(long number, string raw)
        {
            if (number == 1)
            {
                BeginStep(StepName(SourceName), number);
            }
            return new LogLine(number, CleanWithIsoTimestamp(raw), CurrentStep);
        }

        /// <summary><c>run/test.log</c> is step <c>test</c>; stdin is step <c>log</c>.</summary>
        private static string StepName(string? source)
        {
            if (string.IsNullOrEmpty(source) || source == "-")
            {
                return "log";
            }
            string name = Path.GetFileNameWithoutExtension(source.Replace('\\', '/').Split('/')[^1]);
            return name.Length > 0 ? name : "log";
        }
    }
}
