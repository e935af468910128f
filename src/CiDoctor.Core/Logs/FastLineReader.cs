using System.Buffers;
using System.Text;
using CiDoctor.Core.Secrets;
using CiDoctor.Core.Text;

namespace CiDoctor.Core.Logs;

/// <summary>
/// Reads a log as bytes in large blocks and parses only the lines something may react to
/// (docs/DECISIONS.md "Quiet lines"). A line is quiet when it is printable ASCII (ANSI escapes
/// allowed), holds none of the literals of interest (the format's markers, the secret masker's,
/// and the consumer's: catalog literals, scorer keywords), and the parser and masker say that,
/// in their current state, such a line changes nothing. Quiet lines are not parsed: they are
/// handed over in runs, during which the consumer may decode the ones it keeps
/// (<see cref="QuietText"/>); a run never spans more than <see cref="Recent"/> lines or a change
/// of block. Gives the same lines, steps and job facts as <see cref="LineSplitter"/> followed by
/// <see cref="LogParser.Parse"/> on every line (tests compare the two).
/// </summary>
internal sealed class FastLineReader
{
    /// <summary>Longest run of quiet lines handed over at once (their positions are kept for <see cref="QuietText"/>).</summary>
    public const int Recent = 1024;

    /// <summary>Longest quiet line: longer ones are parsed, so a kept quiet line stays cheap to decode.</summary>
    public const int QuietMaxBytes = 4096;

    /// <summary>Bytes read at a time (tests use small blocks to cross block boundaries often).</summary>
    public const int DefaultBlockBytes = 1 << 20;

    private const int Buffers = 3;

    // Line ends, other control bytes (ANSI escapes) and non-ASCII bytes; tab and printable ASCII pass.
    private static readonly SearchValues<byte> Stops = SearchValues.Create(
        Enumerable.Range(0, 256).Where(b => b != '\t' && (b < 0x20 || b > 0x7e)).Select(b => (byte)b).ToArray());

    private readonly int _blockBytes;
    private readonly Stream _stream;
    private readonly LogParser _parser;
    private readonly SecretMasker _masker;
    private readonly RareWindowFilter _filter;
    private readonly List<int> _found = [];
    private readonly byte[][] _buffers = new byte[Buffers][];
    private readonly int[] _generations = new int[Buffers];
    private readonly RecentLine[] _recent = new RecentLine[Recent];
    private readonly byte[] _visible = new byte[QuietMaxBytes + RareWindowFilter.Slack];
    private readonly Encoding _utf8;
    private readonly LineSplitter.CountingFallback _fallback = new();
    private readonly LongLine _long;
    private int _current;
    private long _number;
    private long _quietFirst;
    private long _quietLast;

    // True when _found holds the literals of the current line's bytes (ANSI removed).
    private bool _literalsKnown;

    private readonly record struct RecentLine(long Number, int Buffer, int Generation, int Offset, int Length);

    /// <param name="interesting">The consumer's literals (catalog literals, scorer keywords, observers' markers).</param>
    public FastLineReader(Stream stream, LogParser parser, SecretMasker masker, IEnumerable<(string Literal, bool IgnoreCase)> interesting, ReadOnlySpan<byte> head, int blockBytes = DefaultBlockBytes)
    {
        _blockBytes = blockBytes;
        _stream = stream;
        _parser = parser;
        _masker = masker;
        var literals = interesting
            .Concat((parser.Markers ?? throw new ArgumentException("the format has no fast path", nameof(parser))).Select(m => (m, false)))
            .Concat(SecretMasker.MarkerLiterals.Select(m => (m, true)))
            .Distinct()
            .ToList();
        Literals = literals;
        _filter = new RareWindowFilter(literals, head);
        // A literal the filter cannot see (one byte, or non-ASCII: those only occur in non-ASCII
        // lines, which are always parsed) must not be needed to notice an ASCII line.
        if (literals.Where((l, i) => !_filter.Indexed[i]).Any(l => l.Item1.Length < 2 && Ascii.IsValid(l.Item1)))
        {
            throw new ArgumentException("one-character literals cannot be looked for quickly", nameof(interesting));
        }
        var encoding = (Encoding)new UTF8Encoding(false, false).Clone();
        encoding.DecoderFallback = _fallback;
        _utf8 = encoding;
        _long = new LongLine(encoding.GetDecoder());
    }

    /// <summary>Every literal the reader looks for: the consumer's, the format's markers, the masker's.</summary>
    public IReadOnlyList<(string Literal, bool IgnoreCase)> Literals { get; }

    /// <summary>Number of lines read so far.</summary>
    public long LineCount => _number;

    /// <summary>Lines longer than <see cref="LineSplitter.MaxLineChars"/> (cut).</summary>
    public long LongLines { get; private set; }

    /// <summary>True once invalid UTF-8 was replaced.</summary>
    public bool InvalidUtf8 => _fallback.Count > 0;

    /// <summary>Reads the whole log into <paramref name="sink"/>.</summary>
    public void Read(ILineSink sink)
    {
        // Pooled: a run of many job logs would otherwise allocate and collect megabytes per log.
        for (int i = 0; i < Buffers; i++)
        {
            _buffers[i] = ArrayPool<byte>.Shared.Rent(_blockBytes + RareWindowFilter.Slack);
        }
        try
        {
            ReadBlocks(sink);
        }
        finally
        {
            foreach (var buffer in _buffers)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private void ReadBlocks(ILineSink sink)
    {
        int filled = 0;
        int start = 0;
        bool skipLf = false;
        bool eof = false;
        while (true)
        {
            var buffer = _buffers[_current];
            while (!eof && filled < _blockBytes)
            {
                // Fill the block even from a pipe: a kept line must stay in the last few blocks.
                int n = _stream.Read(buffer, filled, _blockBytes - filled);
                eof = n == 0;
                filled += n;
            }
            if (skipLf && start < filled)
            {
                skipLf = false;
                start += buffer[start] == '\n' ? 1 : 0;
            }
            if (_long.Active)
            {
                start = ContinueLongLine(buffer, start, filled, eof, sink, ref skipLf);
            }
            if (!_long.Active)
            {
                start = Lines(buffer, start, filled, eof, sink, ref skipLf);
            }
            if (eof && start >= filled)
            {
                break;
            }
            if (!_long.Active && start == 0 && filled == _blockBytes)
            {
                // One unfinished line fills the block: keep its start and read on to its end.
                FlushQuiet(sink);
                _long.Start(first: _number == 0);
                _long.Add(buffer.AsSpan(0, filled));
                start = filled;
            }
            filled = NextBuffer(buffer, start, filled, sink);
            start = 0;
        }
        FlushQuiet(sink);
    }

    /// <summary>Moves the unfinished line to the next buffer, once the quiet lines of the one it reuses were handed over.</summary>
    private int NextBuffer(byte[] buffer, int start, int filled, ILineSink sink)
    {
        FlushQuiet(sink);
        int next = (_current + 1) % Buffers;
        _generations[next]++;
        int carry = filled - start;
        buffer.AsSpan(start, carry).CopyTo(_buffers[next]);
        _current = next;
        return carry;
    }

    /// <summary>Handles the complete lines of buffer[start..filled]; returns where the unfinished one starts.</summary>
    private int Lines(byte[] buffer, int start, int filled, bool eof, ILineSink sink, ref bool skipLf)
    {
        var span = buffer.AsSpan(0, filled);
        while (start < filled)
        {
            bool special = false;
            int end = start;
            byte stop = 0;
            while (true)
            {
                int i = span[end..].IndexOfAny(Stops);
                if (i < 0)
                {
                    end = filled;
                    break;
                }
                end += i;
                stop = span[end];
                if (stop is (byte)'\n' or (byte)'\r')
                {
                    break;
                }
                special = true;
                end++;
            }
            if (end >= filled)
            {
                if (!eof)
                {
                    return start;
                }
                if (end == start)
                {
                    return filled;
                }
            }
            OnLine(buffer, start, end - start, special, sink);
            if (end >= filled)
            {
                return filled;
            }
            start = end + 1;
            if (stop == '\r')
            {
                if (start < filled)
                {
                    if (span[start] == '\n')
                    {
                        start++;
                    }
                }
                else
                {
                    skipLf = true;
                }
            }
        }
        return start;
    }

    private void OnLine(byte[] buffer, int offset, int length, bool special, ILineSink sink)
    {
        long number = ++_number;
        if (_quietFirst != 0 && number - _quietFirst >= Recent)
        {
            // A run is handed over before its first lines' positions are overwritten.
            FlushQuiet(sink);
        }
        _recent[number & (Recent - 1)] = new RecentLine(number, _current, _generations[_current], offset, length);
        var raw = buffer.AsSpan(offset, length);
        _literalsKnown = false;
        if (number == 1 || length > QuietMaxBytes || !IsQuiet(buffer, offset, length, special))
        {
            FlushQuiet(sink);
            Parsed(number, Decode(raw, number == 1), sink, special);
            return;
        }
        if (_quietFirst == 0)
        {
            _quietFirst = number;
        }
        _quietLast = number;
    }

    private bool IsQuiet(byte[] buffer, int offset, int length, bool special)
    {
        var raw = buffer.AsSpan(offset, length);
        ReadOnlySpan<byte> padded = buffer.AsSpan(offset);
        int visible = length;
        if (special)
        {
            if (!Ascii.IsValid(raw))
            {
                return false;
            }
            visible = TextCleaner.StripAnsi(raw, _visible);
            padded = _visible;
        }
        _found.Clear();
        bool any = _filter.FindAll(padded, visible, _found);
        _literalsKnown = true;
        return !any && !_masker.InPrivateKey && _parser.CanSkip(raw);
    }

    private void FlushQuiet(ILineSink sink)
    {
        if (_quietFirst == 0)
        {
            return;
        }
        sink.Quiet(_quietFirst, _quietLast, _parser.QuietStep, _parser.QuietKind);
        _parser.OnQuietLines(_quietFirst, _quietLast);
        _quietFirst = 0;
    }

    private void Parsed(long number, string raw, ILineSink sink, bool special = false)
    {
        var line = _parser.Parse(number, raw);
        string masked = _masker.MaskLine(line.Text);
        if (!ReferenceEquals(masked, line.Text))
        {
            sink.Line(line with { Text = masked }, null);
            return;
        }
        // The literals found in the bytes are all those of the text only when the text is part of
        // them: a format that removed something in the middle of a line may have joined a literal.
        bool within = _literalsKnown && (special ? TextCleaner.StripAnsi(raw) : raw).Contains(line.Text, StringComparison.Ordinal);
        sink.Line(line, within ? _found : null);
    }

    private string Decode(ReadOnlySpan<byte> raw, bool first)
    {
        // Cut first, then drop a byte order mark, as LineSplitter does.
        string text = _utf8.GetString(raw);
        if (text.Length > LineSplitter.MaxLineChars)
        {
            LongLines++;
            text = text[..LineSplitter.MaxLineChars];
        }
        return first && text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    /// <summary>
    /// The text of quiet line <paramref name="number"/> as parsing would have made it (without
    /// cutting); only during <see cref="ILineSink.Quiet"/> for a line of that run.
    /// </summary>
    public string QuietText(long number)
    {
        var recent = _recent[number & (Recent - 1)];
        if (recent.Number != number || _generations[recent.Buffer] != recent.Generation)
        {
            throw new InvalidOperationException($"line {number} is no longer held");
        }
        string raw = Encoding.ASCII.GetString(_buffers[recent.Buffer], recent.Offset, recent.Length);
        return _parser.PlainLine(number, raw);
    }

    /// <summary>Continues a line longer than a block; returns where the next line starts (or the end of the data).</summary>
    private int ContinueLongLine(byte[] buffer, int start, int filled, bool eof, ILineSink sink, ref bool skipLf)
    {
        var chunk = buffer.AsSpan(start, filled - start);
        int end = chunk.IndexOfAny((byte)'\r', (byte)'\n');
        if (end < 0)
        {
            _long.Add(chunk);
            if (eof)
            {
                FinishLongLine(sink);
            }
            return filled;
        }
        _long.Add(chunk[..end]);
        FinishLongLine(sink);
        int next = start + end + 1;
        if (chunk[end] == '\r')
        {
            if (next < filled)
            {
                next += buffer[next] == '\n' ? 1 : 0;
            }
            else
            {
                skipLf = true;
            }
        }
        return next;
    }

    private void FinishLongLine(ILineSink sink)
    {
        long number = ++_number;
        _literalsKnown = false;
        string text = _long.Finish(out bool cut);
        if (cut)
        {
            LongLines++;
        }
        Parsed(number, text, sink);
    }

    /// <summary>
    /// A line longer than a block, decoded as it comes: the first <see cref="LineSplitter.MaxLineChars"/>
    /// characters are kept, the rest decoded only so that invalid UTF-8 in it is noticed.
    /// </summary>
    private sealed class LongLine(Decoder decoder)
    {
        private readonly char[] _kept = new char[LineSplitter.MaxLineChars];
        private readonly char[] _scratch = new char[64 * 1024];
        private int _length;
        private bool _first;
        private bool _cut;

        public bool Active { get; private set; }

        public void Start(bool first)
        {
            Active = true;
            _first = first;
            _length = 0;
            _cut = false;
            decoder.Reset();
        }

        public void Add(ReadOnlySpan<byte> bytes)
        {
            do
            {
                decoder.Convert(bytes, _scratch, flush: false, out int used, out int chars, out _);
                Keep(_scratch.AsSpan(0, chars));
                bytes = bytes[used..];
            }
            while (!bytes.IsEmpty);
        }

        public string Finish(out bool cut)
        {
            decoder.Convert([], _scratch, flush: true, out _, out int chars, out _);
            Keep(_scratch.AsSpan(0, chars));
            Active = false;
            var text = _kept.AsSpan(0, _length);
            if (_first && text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text[1..];
            }
            cut = _cut;
            return new string(text);
        }

        private void Keep(ReadOnlySpan<char> chars)
        {
            int room = _kept.Length - _length;
            if (chars.Length > room)
            {
                _cut = true;
                chars = chars[..room];
            }
            chars.CopyTo(_kept.AsSpan(_length));
            _length += chars.Length;
        }
    }
}
