using System.Text.RegularExpressions;

namespace CiDoctor.Core.Logs;

/// <summary>
/// What Jenkins adds to console text: hidden console notes (<c>\e[8mha:&lt;base64&gt;\e[0m</c>,
/// <c>hudson.console.ConsoleNote</c>'s preamble and postamble, anywhere in a line) and the
/// Timestamper plugin's prefix (<c>[2025-10-14T09:12:03.211Z] </c>, or <c>09:12:03 </c>).
/// <c>"[2025-10-14T09:12:03.211Z] \e[8mha:////4Hb…\e[0m[Pipeline] sh"</c> becomes <c>"[Pipeline] sh"</c>.
/// </summary>
internal static partial class JenkinsConsoleText
{
    public const string NoteStart = "\u001b[8mha:";
    private const string NoteEnd = "\u001b[0m";

    /// <summary>True when a raw line starts with the clock form of the Timestamper prefix.</summary>
    public static bool StartsWithClock(string raw) => ClockStamp().IsMatch(raw);

    /// <summary>
    /// Removes console notes, ANSI escapes, then the Timestamper prefix; the clock form only when
    /// <paramref name="clock"/> (the log's first line had it), so a time that starts content is kept.
    /// </summary>
    public static string Clean(string raw, bool clock)
    {
        string text = RemoveNotes(raw);
        text = TextCleaner.StripAnsi(text);
        if (text.StartsWith('['))
        {
            var stamp = IsoStamp().Match(text);
            return stamp.Success ? text[stamp.Length..] : text;
        }
        if (clock && text.Length > 8 && char.IsAsciiDigit(text[0]))
        {
            var stamp = ClockStamp().Match(text);
            return stamp.Success ? text[stamp.Length..] : text;
        }
        return text;
    }

    private static string RemoveNotes(string raw)
    {
        int start = raw.IndexOf(NoteStart, StringComparison.Ordinal);
        if (start < 0)
        {
            return raw;
        }
        var sb = new System.Text.StringBuilder(raw.Length);
        int pos = 0;
        while (start >= 0)
        {
            sb.Append(raw, pos, start - pos);
            int end = raw.IndexOf(NoteEnd, start + NoteStart.Length, StringComparison.Ordinal);
            pos = end < 0 ? raw.Length : end + NoteEnd.Length;
            start = pos < raw.Length ? raw.IndexOf(NoteStart, pos, StringComparison.Ordinal) : -1;
        }
        sb.Append(raw, pos, raw.Length - pos);
        return sb.ToString();
    }

    [GeneratedRegex(@"^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)\] ", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex IsoStamp();

    [GeneratedRegex(@"^\d\d:\d\d:\d\d(?:\.\d+)? ", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ClockStamp();
}
