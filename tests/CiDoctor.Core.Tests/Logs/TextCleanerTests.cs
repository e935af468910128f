using System.Text;
using CiDoctor.Core.Logs;

namespace CiDoctor.Core.Tests.Logs;

/// <summary>The byte form of ANSI stripping (the fast reader's) must agree with the string form.</summary>
public sealed class TextCleanerTests
{
    [Theory]
    [InlineData("\u001b[31;1mError\u001b[0m: x", "Error: x")]
    [InlineData("\u001b]0;title\u0007text", "text")]
    [InlineData("\u001b_bk;t=123\u0007+++ build", "+++ build")]
    [InlineData("a\u001b(Bb\u001b#8c", "abc")]
    [InlineData("tab\tkept\u0008, bell\u0007 dropped", "tab\tkept, bell dropped")]
    [InlineData("unfinished \u001b[12", "unfinished ")]
    public void StripAnsi_KnownSequences_RemovesWhatATerminalHides(string raw, string visible)
    {
        Assert.Equal(visible, TextCleaner.StripAnsi(raw));
        Assert.Equal(visible, StripBytes(raw));
    }

    [Fact]
    public void StripAnsi_RandomAsciiWithEscapes_BytesAgreeWithString()
    {
        string[] parts = ["\u001b", "[", "]", "_", "P", "^", "(", ")", "#", "\u0007", "\\", "1", ";", "m", "K", "a", " ", "\t", "\u0001", "?", "@", "~"];
        var random = new Random(5);
        for (int i = 0; i < 20_000; i++)
        {
            string raw = string.Concat(Enumerable.Range(0, random.Next(0, 30)).Select(_ => parts[random.Next(parts.Length)]));
            Assert.Equal(TextCleaner.StripAnsi(raw), StripBytes(raw));
        }
    }

    private static string StripBytes(string raw)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(raw);
        var visible = new byte[bytes.Length];
        int length = TextCleaner.StripAnsi(bytes, visible);
        return Encoding.ASCII.GetString(visible, 0, length);
    }
}
