using System.Text;
using System.Text.RegularExpressions;

namespace CiDoctor.Core.Evaluation;

/// <summary>
/// Text handling exactly as the reference scorer (<c>score.py</c>) does it in Python, so that
/// baselines see the same lines: UTF-8 decoded with replacement, lines ended by <c>\r\n</c>,
/// <c>\r</c> or <c>\n</c>, Python's <c>str.strip()</c> whitespace, and its keyword, number-mask and
/// timestamp patterns.
/// </summary>
internal static partial class PyText
{
    // Linear patterns (no nested quantifiers); the timeout is only the style rule's safety net and is
    // generous because a log line may be megabytes long.
    private const int TimeoutMs = 10_000;

    /// <summary>
    /// <c>read_lines</c>: <c>"a\r\nb\rc\n"</c> → <c>["a", "b", "c"]</c>; one trailing empty
    /// element (after a final line break) is dropped, so <c>"a\n\n"</c> → <c>["a", ""]</c>.
    /// </summary>
    public static IReadOnlyList<string> ReadLines(string path) => SplitLines(Decode(File.ReadAllBytes(path)));

    /// <summary>UTF-8 with U+FFFD for invalid bytes, like <c>bytes.decode('utf-8', errors='replace')</c> (a BOM is kept).</summary>
    public static string Decode(byte[] bytes) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetString(bytes);

    /// <summary><c>re.split(r'\r\n|\r|\n', text)</c> without its one trailing empty element.</summary>
    public static IReadOnlyList<string> SplitLines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c != '\r' && c != '\n')
            {
                continue;
            }
            lines.Add(text[start..i]);
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }
            start = i + 1;
        }
        lines.Add(text[start..]);
        if (lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return lines;
    }

    /// <summary>Python's <c>str.isspace()</c>: .NET's white space plus the separators U+001C–U+001F.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\x1c' and <= '\x1f';

    /// <summary>Python's <c>str.strip()</c> with no arguments.</summary>
    public static string Strip(string text)
    {
        int start = 0;
        int end = text.Length;
        while (start < end && IsSpace(text[start]))
        {
            start++;
        }
        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }
        return start == 0 && end == text.Length ? text : text[start..end];
    }

    /// <summary>True when the line has a non-space character (Python: <c>if l.strip()</c>).</summary>
    public static bool HasText(string line)
    {
        foreach (char c in line)
        {
            if (!IsSpace(c))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary><c>KEYWORD.search(line)</c>: the line holds an error word.</summary>
    public static bool HasKeyword(string line) => Keyword().IsMatch(line);

    /// <summary>
    /// <c>MASK.sub('#', TS.sub('', line)).strip()</c>: the form two runs' lines are compared in.
    /// <c>"2024-01-02T03:04:05.6Z took 12 ms at 0xdeadbeef"</c> → <c>"took # ms at #x#"</c>
    /// (at each position <c>\d+</c> is tried first, so the <c>0x</c> alternative never wins).
    /// </summary>
    public static string Normalise(string line) => Strip(Mask().Replace(Timestamp().Replace(line, "", 1), "#"));

    // Python's \b around ASCII words: a neighbour is a word character when it is a letter, a
    // number or '_' (Python's \w for str, which differs from .NET's \w on marks and No/Nl numbers).
    [GeneratedRegex(@"(?<![\p{L}\p{N}_])(?:error|errors|fail|failed|failure|failures|exception|fatal|panic|killed|denied|timed? ?out)(?![\p{L}\p{N}_])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Keyword();

    [GeneratedRegex(@"\d+|0x[0-9a-f]+|[0-9a-f]{8,}", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Mask();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z ?", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Timestamp();
}
