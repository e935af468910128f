using CiDoctor.Core.Model;
using CiDoctor.Core.Secrets;

namespace CiDoctor.Core.Logs;

/// <summary>
/// Reads one log once: picks the reader (given, or detected from the head), streams the parsed
/// lines with secrets masked (so nothing downstream can print one), either as an enumeration
/// (<see cref="ReadLines"/>) or pushed to observers (<see cref="Read"/>), and after the last one
/// exposes the <see cref="JobLog"/>.
/// </summary>
internal sealed class LogReadSession : IDisposable
{
    private readonly Stream _stream;
    private readonly byte[] _head;
    private readonly LogParser _parser;
    private readonly SecretMasker _masker = new();
    private JobLog? _result;

    public LogReadSession(LogSource source, string? ci = null)
    {
        Source = source;
        var (stream, head) = source.Open();
        var lines = HeadLines(head);
        var shape = CopyShape.Detect(lines);
        lines = shape.Apply(lines);
        Reader = ci is null ? LogReaders.DetectUnglued(lines, shape) : LogReaders.Find(ci)
            ?? throw new CiDoctorException($"unknown CI system '{ci}'; use one of: {string.Join(", ", Names.CiSystems)}");
        _stream = stream;
        _head = head;
        _parser = Reader.CreateParser();
        _parser.Start(source.Name, shape, lines, Reader.CreateParser);
    }

    public LogSource Source { get; }

    public ILogReader Reader { get; }

    /// <summary>The job facts; available once the log was read to the end (<see cref="Read"/>, or <see cref="ReadLines"/> enumerated).</summary>
    public JobLog Result => _result ?? throw new InvalidOperationException("read the lines first");

    /// <summary>The parsed lines, in order. Enumerate once.</summary>
    public IEnumerable<LogLine> ReadLines()
    {
        using var splitter = new LineSplitter(_stream);
        while (splitter.TryReadLine(out string raw))
        {
            var line = _parser.Parse(splitter.LineNumber, raw);
            string masked = _masker.MaskLine(line.Text);
            yield return ReferenceEquals(masked, line.Text) ? line : line with { Text = masked };
        }
        _result = _parser.Complete(splitter.LineNumber, splitter.LongLines, splitter.InvalidUtf8);
    }

    /// <summary>True when the whole log fits in the head read to detect its format (64 KiB).</summary>
    public bool IsSmall => _head.Length < LogSource.HeadBytes;

    /// <summary>True when the format lets <see cref="FastLineReader"/> skip quiet lines.</summary>
    public bool CanSkipLines => _parser.Markers is not null;

    /// <summary>
    /// Reads the whole log and pushes every line, with what <paramref name="matcher"/> finds in
    /// it, to <paramref name="observer"/> (several are composed with <see cref="LineObservers"/>).
    /// With <see cref="FastLineReader"/> when the format and the matcher allow it (every pattern
    /// has a literal), so that quiet lines are never parsed or matched and reach the observer
    /// as runs, and with reading on a second thread when the machine has more than one core and
    /// the log is not small. The observer learns the same either way. Afterwards
    /// <see cref="Result"/> holds the job facts.
    /// </summary>
    public void Read(ILineMatcher matcher, ILineObserver observer, LineReadOptions? options = null)
    {
        options ??= new LineReadOptions();
        // A small log is parsed line by line: building the fast reader's tables would cost more.
        var literals = options.SkipQuietLines && (!IsSmall || options.FastPathWhenSmall) && CanSkipLines ? matcher.Literals : null;
        var interesting = literals?.Concat(observer.Markers).ToArray();
        if (interesting is null || interesting.Any(l => l.Literal.Length < 2 && System.Text.Ascii.IsValid(l.Literal)))
        {
            foreach (var line in ReadLines())
            {
                observer.Line(line, matcher.Match(line.Text, null));
            }
            return;
        }
        var pipeline = new ReadPipeline(this, matcher, interesting, options.BlockBytes, observer.QuietLead, observer.QuietTrail);
        void Apply(LineItem item)
        {
            if (item.Matches is null)
            {
                observer.Quiet(item.Quiet);
            }
            else
            {
                observer.Line(item.Line, item.Matches);
            }
        }
        if (options.ReadInParallel && Environment.ProcessorCount > 1)
        {
            pipeline.RunOnTwoThreads(Apply);
        }
        else
        {
            pipeline.Run(Apply);
        }
    }

    /// <summary>
    /// Reads the log with <see cref="FastLineReader"/> (only when <see cref="CanSkipLines"/>):
    /// <paramref name="start"/> receives the reader before the first line (to fetch kept quiet
    /// lines), then every parsed line and quiet run goes to <paramref name="sink"/>.
    /// </summary>
    internal void ReadFast(ILineSink sink, IEnumerable<(string Literal, bool IgnoreCase)> interesting, Action<FastLineReader> start, int blockBytes = FastLineReader.DefaultBlockBytes)
    {
        var reader = new FastLineReader(_stream, _parser, _masker, interesting, _head, blockBytes);
        start(reader);
        reader.Read(sink);
        _result = _parser.Complete(reader.LineCount, reader.LongLines, reader.InvalidUtf8);
    }

    /// <summary>The first lines of a head, raw, for format detection.</summary>
    public static IReadOnlyList<string> HeadLines(byte[] head)
    {
        var lines = new List<string>();
        using var splitter = new LineSplitter(new MemoryStream(head, writable: false));
        while (lines.Count < LogReaders.DetectLines && splitter.TryReadLine(out string line))
        {
            lines.Add(line.Length > 512 ? line[..512] : line);
        }
        return lines;
    }

    public void Dispose() => _stream.Dispose();
}
