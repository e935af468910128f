using CiDoctor.Core.Model;

namespace CiDoctor.Core.Logs;

/// <summary>Any text log: no steps; ANSI escapes and ISO timestamp prefixes removed.</summary>
public sealed class PlainLogReader : ILogReader
{
    public string Ci => "plain";

    public int Detect(IReadOnlyList<string> head) => 1;

    public LogParser CreateParser() => new Parser();

    private sealed class Parser : LogParser
    {
        public override string Ci => "plain";

        protected override bool ClosingFailureLine => false;

        protected override IReadOnlyList<string> FormatMarkers => [];

        public override bool CanSkip(ReadOnlySpan<byte> raw) => true;

        public override string PlainText(string raw) => CleanWithIsoTimestamp(raw);

        protected override LogLine ParseLine(long number, string raw) => new(number, CleanWithIsoTimestamp(raw), CurrentStep);
    }
}
