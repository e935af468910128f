using System.Text;
using CiDoctor.Core.Logs;

namespace CiDoctor.Core.Tests.Logs;

public class LineSplitterTests
{
    private const int Block = 64 * 1024;

    [Theory]
    [InlineData("a\r\nb\r\nc")]
    [InlineData("a\nb\nc")]
    [InlineData("a\rb\rc")]
    [InlineData("a\r\nb\nc")]
    [InlineData("a\rb\r\nc")]
    public void TryReadLine_UniversalLineEnds_SplitsIntoSameLines(string text)
    {
        var (lines, splitter) = Split(text);

        Assert.Equal(["a", "b", "c"], lines);
        Assert.Equal(3, splitter.LineNumber);
    }

    [Fact]
    public void TryReadLine_MixedLineEnds_EachEndCountsOnce()
    {
        var (lines, _) = Split("one\r\ntwo\nthree\rfour\r\n\rsix\n");

        Assert.Equal(["one", "two", "three", "four", "", "six"], lines);
    }

    [Theory]
    [InlineData("a\nb\n")]
    [InlineData("a\r\nb\r\n")]
    [InlineData("a\rb\r")]
    public void TryReadLine_FinalLineEnd_DoesNotAddLine(string text)
    {
        var (lines, splitter) = Split(text);

        Assert.Equal(["a", "b"], lines);
        Assert.Equal(2, splitter.LineNumber);
    }

    [Fact]
    public void TryReadLine_LastLineWithoutEnd_IsReturned()
    {
        var (lines, _) = Split("first\ntruncated mid-li");

        Assert.Equal(["first", "truncated mid-li"], lines);
    }

    [Fact]
    public void TryReadLine_EmptyStream_ReturnsNoLine()
    {
        var (lines, splitter) = Split("");

        Assert.Empty(lines);
        Assert.Equal(0, splitter.LineNumber);
    }

    [Theory]
    [InlineData("a\n\nb\n\n", new[] { "a", "", "b", "" })]
    [InlineData("\n", new[] { "" })]
    [InlineData("\r\n\r\n", new[] { "", "" })]
    [InlineData("\r\r", new[] { "", "" })]
    [InlineData("a\r\r\nb", new[] { "a", "", "b" })]
    public void TryReadLine_EmptyLines_AreKeptAndCounted(string text, string[] expected)
    {
        var (lines, splitter) = Split(text);

        Assert.Equal(expected, lines);
        Assert.Equal(expected.Length, splitter.LineNumber);
    }

    [Fact]
    public void TryReadLine_Utf8Bom_IsRemovedFromFirstLine()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("first\nsecond\n")];

        var (lines, splitter) = Split(bytes);

        Assert.Equal(["first", "second"], lines);
        Assert.False(splitter.InvalidUtf8);
    }

    [Fact]
    public void TryReadLine_LineLongerThanMax_IsCutAndCounted()
    {
        string text = new string('x', LineSplitter.MaxLineChars + 1000) + "\nnext\n" + new string('y', LineSplitter.MaxLineChars) + "\nlast";

        var (lines, splitter) = Split(text);

        Assert.Equal(4, lines.Count);
        Assert.Equal(LineSplitter.MaxLineChars, lines[0].Length);
        Assert.All(lines[0], c => Assert.Equal('x', c));
        Assert.Equal("next", lines[1]);
        Assert.Equal(LineSplitter.MaxLineChars, lines[2].Length);
        Assert.Equal("last", lines[3]);
        Assert.Equal(1, splitter.LongLines);
        Assert.Equal(4, splitter.LineNumber);
    }

    [Fact]
    public void TryReadLine_LineSpanningManyBlocks_NextLineKeepsItsNumber()
    {
        // Several read blocks long: the cut must not lose the line end or shift the count.
        string text = "start\n" + new string('z', 5 * Block + 17) + "\r\nNo space left on device\n";

        using var splitter = new LineSplitter(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var numbered = new List<(long Number, string Text)>();
        while (splitter.TryReadLine(out string line))
        {
            numbered.Add((splitter.LineNumber, line));
        }

        Assert.Equal(3, numbered.Count);
        Assert.Equal((3L, "No space left on device"), numbered[2]);
        Assert.Equal(1, splitter.LongLines);
    }

    [Fact]
    public void TryReadLine_InvalidUtf8_IsReplacedAndFlagged()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("ok\nbad "), 0xFF, 0xC3, 0x28, .. Encoding.UTF8.GetBytes(" end\nafter\n")];

        var (lines, splitter) = Split(bytes);

        Assert.Equal(3, lines.Count);
        Assert.Equal("ok", lines[0]);
        Assert.Equal("bad \uFFFD\uFFFD( end", lines[1]);
        Assert.Equal("after", lines[2]);
        Assert.True(splitter.InvalidUtf8);
    }

    [Fact]
    public void TryReadLine_ValidUtf8_IsNotFlagged()
    {
        var (lines, splitter) = Split("café → ok ✓\n");

        Assert.Equal(["café → ok ✓"], lines);
        Assert.False(splitter.InvalidUtf8);
    }

    [Fact]
    public void TryReadLine_TruncatedMultiByteCharAtEnd_IsReplacedAndFlagged()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("line\ncut "), 0xE2, 0x86];

        var (lines, splitter) = Split(bytes);

        Assert.Equal(2, lines.Count);
        Assert.StartsWith("cut ", lines[1], StringComparison.Ordinal);
        Assert.Contains('\uFFFD', lines[1]);
        Assert.True(splitter.InvalidUtf8);
    }

    [Fact]
    public void TryReadLine_CrLfSplitAcrossBlockBoundary_CountsOnce()
    {
        // The \r is the last byte of the first 64 KiB block, the \n the first of the second.
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.ASCII.GetBytes("first\r\n"));
        bytes.AddRange(Enumerable.Repeat((byte)'a', Block - bytes.Count - 1));
        bytes.Add((byte)'\r');
        Assert.Equal(Block, bytes.Count);
        bytes.Add((byte)'\n');
        bytes.AddRange(Encoding.ASCII.GetBytes("third\r\nfourth"));

        var (lines, splitter) = Split(bytes.ToArray());

        Assert.Equal(4, lines.Count);
        Assert.Equal("first", lines[0]);
        Assert.Equal(Block - 8, lines[1].Length);
        Assert.Equal("third", lines[2]);
        Assert.Equal("fourth", lines[3]);
        Assert.Equal(4, splitter.LineNumber);
        Assert.Equal(0, splitter.LongLines);
    }

    [Fact]
    public void TryReadLine_MultiByteCharSplitAcrossBlockBoundary_DecodesIt()
    {
        var bytes = new List<byte>(Enumerable.Repeat((byte)'a', Block - 1));
        bytes.AddRange(Encoding.UTF8.GetBytes("é\n"));

        var (lines, splitter) = Split(bytes.ToArray());

        Assert.Single(lines);
        Assert.EndsWith("aé", lines[0], StringComparison.Ordinal);
        Assert.False(splitter.InvalidUtf8);
    }

    [Fact]
    public void TryReadLine_StreamReturningOneByteAtATime_ReadsEveryLine()
    {
        // Pipes and decompressors may return a partial UTF-8 character, or a lone \r, per read.
        const string text = "café\r\nflèche → ici\rNo space left on device ✓\nend";
        using var splitter = new LineSplitter(new TrickleStream(Encoding.UTF8.GetBytes(text)));

        var lines = ReadAll(splitter);

        Assert.Equal(["café", "flèche → ici", "No space left on device ✓", "end"], lines);
        Assert.Equal(4, splitter.LineNumber);
        Assert.False(splitter.InvalidUtf8);
    }

    [Fact]
    public void BytesRead_AfterLastLine_IsStreamLength()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("a\nb\nc\n");

        var (_, splitter) = Split(bytes);

        Assert.Equal(bytes.Length, splitter.BytesRead);
    }

    private static (List<string> Lines, LineSplitter Splitter) Split(string text) => Split(Encoding.UTF8.GetBytes(text));

    private static (List<string> Lines, LineSplitter Splitter) Split(byte[] bytes)
    {
        // Disposing only closes the MemoryStream; the counters stay readable.
        using var splitter = new LineSplitter(new MemoryStream(bytes, writable: false));
        return (ReadAll(splitter), splitter);
    }

    private static List<string> ReadAll(LineSplitter splitter)
    {
        var lines = new List<string>();
        while (splitter.TryReadLine(out string line))
        {
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>A stream that returns one byte per read, as a slow pipe may.</summary>
    private sealed class TrickleStream(byte[] bytes) : Stream
    {
        private int _pos;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => bytes.Length;
        public override long Position { get => _pos; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_pos >= bytes.Length || count == 0)
            {
                return 0;
            }
            buffer[offset] = bytes[_pos++];
            return 1;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
