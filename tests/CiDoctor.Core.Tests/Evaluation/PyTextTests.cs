using System.Text;
using CiDoctor.Core.Evaluation;

namespace CiDoctor.Core.Tests.Evaluation;

/// <summary>The Python text rules of score.py: line splitting, strip, keywords, masking.</summary>
public class PyTextTests
{
    [Theory]
    [InlineData("a\nb\n", new[] { "a", "b" })]
    [InlineData("a\r\nb\rc", new[] { "a", "b", "c" })]
    [InlineData("a\r\r\nb", new[] { "a", "", "b" })]
    [InlineData("a\n\n", new[] { "a", "" })]
    [InlineData("\n", new[] { "" })]
    [InlineData("", new string[0])]
    [InlineData("a\x0cb\x85c\u2028d", new[] { "a\x0cb\x85c\u2028d" })]
    public void SplitLines_UniversalBreaks_OneTrailingEmptyDropped(string text, string[] expected)
    {
        Assert.Equal(expected, PyText.SplitLines(text));
    }

    [Fact]
    public void Decode_InvalidUtf8_ReplacedAndBomKept()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, (byte)'c', (byte)'a', (byte)'f', 0xE9, (byte)'!', 0xFF];

        Assert.Equal("\uFEFFcaf\uFFFD!\uFFFD", PyText.Decode(bytes));
    }

    [Fact]
    public void Strip_PythonWhitespace_IncludesInformationSeparators()
    {
        Assert.Equal("x y", PyText.Strip("\x1c\x1f \t\u00a0x y\u3000\x1d\r"));
        Assert.False(PyText.HasText(" \x1e\t"));
        Assert.True(PyText.HasText(" \u200b"));
    }

    [Theory]
    [InlineData("ERROR: boom", true)]
    [InlineData("Tests FAILED (failures=2)", true)]
    [InlineData("build timed out", true)]
    [InlineData("build timedout", true)]
    [InlineData("Timeout waiting", true)]
    [InlineData("connection time out", true)]
    [InlineData("error-prone", true)]
    [InlineData("terror", false)]
    [InlineData("error_count=0", false)]
    [InlineData("error2", false)]
    [InlineData("error²", false)]
    [InlineData("éerror", false)]
    [InlineData("Permission denied.", true)]
    [InlineData("fails", false)]
    public void HasKeyword_WholeWordsCaseInsensitive_PythonWordBoundaries(string line, bool expected)
    {
        Assert.Equal(expected, PyText.HasKeyword(line));
    }

    [Theory]
    [InlineData("2024-01-02T03:04:05.6Z took 12 ms at 0xdeadbeef ", "took # ms at #x#")]
    [InlineData("2024-01-02T03:04:05Z  x", "x")]
    [InlineData("at 2024-01-02T03:04:05Z", "at #-#-#T#:#:#Z")]
    [InlineData("sha 3f2a9c1b7e and ABCDEF0123", "sha ## and ABCDEF#")]
    [InlineData("build ٣ done", "build # done")]
    public void Normalise_TimestampCutNumbersAndHexMasked(string line, string expected)
    {
        Assert.Equal(expected, PyText.Normalise(line));
    }

    [Fact]
    public void ReadLines_File_DecodedAndSplit()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, Encoding.UTF8.GetBytes("one\r\ntwo\rthree\n"));

            Assert.Equal(["one", "two", "three"], PyText.ReadLines(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
