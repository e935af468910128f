using CiDoctor.Core.Model;
using CiDoctor.Core.Secrets;

namespace CiDoctor.Core.Logs;

/// <summary>
/// Reads one log once: picks the reader (given, or detected from the head), streams the parsed
/// lines with secrets masked (so nothing downstream can print one), and after the last one
/// exposes the <see cref="JobLog"/>.
/// </summary>
public sealed class LogReadSession : IDisposable
{
    private readonly LineSplitter _splitter;
    private readonly LogParser _parser;
    private readonly SecretMasker _masker = new();
    private JobLog? _result;

    public LogReadSession(LogSource source, string? ci = null)
    {
        Source = source;
        var (stream, head) = source.Open();
        Reader = ci is null ? LogReaders.Detect(HeadLines(head)) : LogReaders.Find(ci)
            ?? throw new CiDoctorException($"unknown CI system '{ci}'; use one of: {string.Join(", ", Names.CiSystems)}");
        _splitter = new LineSplitter(stream);
        _parser = Reader.CreateParser();
        _parser.SourceName = source.Name;
    }

    public LogSource Source { get; }

    public ILogReader Reader { get; }

    /// <summary>The job facts; available once <see cref="ReadLines"/> has been enumerated to the end.</summary>
    public JobLog Result => _result ?? throw new InvalidOperationException("read the lines first");

    /// <summary>The parsed lines, in order. Enumerate once.</summary>
    public IEnumerable<LogLine> ReadLines()
    {
        while (_splitter.TryReadLine(out string raw))
        {
            var line = _parser.Parse(_splitter.LineNumber, raw);
            string masked = _masker.MaskLine(line.Text);
            yield return ReferenceEquals(masked, line.Text) ? line : line with { Text = masked };
        }
        _result = _parser.Complete(_splitter.LineNumber, _splitter.LongLines, _splitter.InvalidUtf8);
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

    public void Dispose() => _splitter.Dispose();
}
