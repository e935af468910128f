using System.Text;

namespace CiDoctor.Core.Logs;

/// <summary>
/// Splits a byte stream into lines with universal line ends (<c>\r\n</c>, <c>\n</c> or a lone
/// <c>\r</c>), decoding UTF-8 with replacement. Streaming: it holds one block of bytes, one of
/// chars, and at most <see cref="MaxLineChars"/> characters of the current line; a longer line is
/// cut and counted, so a single 100 MB line costs no more memory than a short one.
/// </summary>
/// <remarks>A final line end does not start another line: "a\nb\n" has two lines, as in score.py.</remarks>
public sealed class LineSplitter : IDisposable
{
    /// <summary>Characters of a line that are kept; the rest of a longer line is dropped.</summary>
    public const int MaxLineChars = 64 * 1024;

    private const int BlockBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly Decoder _decoder;
    private readonly CountingFallback _fallback = new();
    private readonly byte[] _bytes = new byte[BlockBytes];
    private readonly char[] _chars = new char[BlockBytes + 4];
    private readonly char[] _line = new char[MaxLineChars];
    private int _charCount;
    private int _charPos;
    private int _lineLength;
    private bool _lineCut;
    private bool _skipLf;
    private bool _eof;
    private bool _first = true;

    public LineSplitter(Stream stream)
    {
        _stream = stream;
        var encoding = (Encoding)new UTF8Encoding(false, false).Clone();
        encoding.DecoderFallback = _fallback;
        _decoder = encoding.GetDecoder();
    }

    /// <summary>Number of lines returned so far (the number of the last one).</summary>
    public long LineNumber { get; private set; }

    /// <summary>Lines longer than <see cref="MaxLineChars"/> seen so far.</summary>
    public long LongLines { get; private set; }

    /// <summary>True once invalid UTF-8 was replaced.</summary>
    public bool InvalidUtf8 => _fallback.Count > 0;

    /// <summary>Total bytes read from the stream.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Reads the next line without its line end; false at the end of the stream.</summary>
    public bool TryReadLine(out string line)
    {
        while (true)
        {
            if (_charPos >= _charCount && !Fill())
            {
                if (_lineLength > 0 || _lineCut)
                {
                    line = TakeLine();
                    return true;
                }
                line = "";
                return false;
            }

            if (_skipLf)
            {
                _skipLf = false;
                if (_chars[_charPos] == '\n')
                {
                    _charPos++;
                    continue;
                }
            }

            var rest = _chars.AsSpan(_charPos, _charCount - _charPos);
            int end = rest.IndexOfAny('\r', '\n');
            if (end < 0)
            {
                Append(rest);
                _charPos = _charCount;
                continue;
            }

            Append(rest[..end]);
            _charPos += end + 1;
            if (rest[end] == '\r')
            {
                _skipLf = true;
            }
            line = TakeLine();
            return true;
        }
    }

    private void Append(ReadOnlySpan<char> part)
    {
        int room = MaxLineChars - _lineLength;
        if (part.Length > room)
        {
            part[..room].CopyTo(_line.AsSpan(_lineLength));
            _lineLength = MaxLineChars;
            _lineCut = true;
            return;
        }
        part.CopyTo(_line.AsSpan(_lineLength));
        _lineLength += part.Length;
    }

    private string TakeLine()
    {
        LineNumber++;
        var span = _line.AsSpan(0, _lineLength);
        if (_first)
        {
            _first = false;
            if (span.Length > 0 && span[0] == '\uFEFF')
            {
                span = span[1..];
            }
        }
        string text = new(span);
        if (_lineCut)
        {
            LongLines++;
        }
        _lineLength = 0;
        _lineCut = false;
        return text;
    }

    private bool Fill()
    {
        // A read may return only part of a UTF-8 character (pipes, decompressors): it decodes to no
        // chars, which is not the end of the stream, so read on until chars come or the stream ends.
        do
        {
            if (_eof)
            {
                return false;
            }
            int n = _stream.Read(_bytes, 0, _bytes.Length);
            BytesRead += n;
            bool flush = n == 0;
            _charCount = _decoder.GetChars(_bytes, 0, n, _chars, 0, flush);
            _charPos = 0;
            if (flush)
            {
                _eof = true;
            }
        }
        while (_charCount == 0);
        return true;
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>Replaces invalid bytes with U+FFFD and counts them.</summary>
    internal sealed class CountingFallback : DecoderFallback
    {
        public int Count;

        public override int MaxCharCount => 1;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

        private sealed class Buffer(CountingFallback owner) : DecoderFallbackBuffer
        {
            private bool _pending;

            public override int Remaining => _pending ? 1 : 0;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                owner.Count++;
                _pending = true;
                return true;
            }

            public override char GetNextChar()
            {
                if (!_pending)
                {
                    return '\0';
                }
                _pending = false;
                return '\uFFFD';
            }

            public override bool MovePrevious() => false;
        }
    }
}
