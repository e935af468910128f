namespace CiDoctor.Core.Logs;

/// <summary>
/// Removes what a terminal would not show: ANSI/VT escape sequences (CSI, OSC, APC such as
/// Buildkite's <c>\e_bk;t=…\a</c> timestamps, and two-byte escapes) and other control characters
/// except tab. <c>"\e[31;1mError\e[0m: x"</c> becomes <c>"Error: x"</c>.
/// </summary>
internal static class TextCleaner
{
    public static string StripAnsi(string text)
    {
        int first = IndexOfControl(text);
        if (first < 0)
        {
            return text;
        }
        var sb = new System.Text.StringBuilder(text.Length);
        sb.Append(text, 0, first);
        int i = first;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\x1b')
            {
                i = SkipEscape(text.AsSpan(), i);
                continue;
            }
            if (c < ' ' && c != '\t')
            {
                i++;
                continue;
            }
            if (c == '\x9b')
            {
                i = SkipCsi(text.AsSpan(), i + 1);
                continue;
            }
            sb.Append(c);
            i++;
        }
        return sb.ToString();
    }

    /// <summary>
    /// <see cref="StripAnsi(string)"/> over the bytes of an ASCII line (non-ASCII lines are decoded
    /// first): writes what a terminal would show to <paramref name="visible"/> (as long as the
    /// line at least) and returns its length.
    /// </summary>
    public static int StripAnsi(ReadOnlySpan<byte> text, Span<byte> visible)
    {
        int length = 0;
        int i = 0;
        while (i < text.Length)
        {
            byte c = text[i];
            if (c == 0x1b)
            {
                i = SkipEscape(text, i);
                continue;
            }
            if (c < ' ' && c != '\t')
            {
                i++;
                continue;
            }
            visible[length++] = c;
            i++;
        }
        return length;
    }

    // Control characters but tab, and the 8-bit CSI: a vectorised search, as every parsed line is checked.
    private static readonly System.Buffers.SearchValues<char> Controls = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0, 32).Where(c => c != '\t').Select(c => (char)c)) + "\x9b");

    private static int IndexOfControl(string text) => text.AsSpan().IndexOfAny(Controls);

    // One escape parser for characters and for the bytes of ASCII lines.
    private static int SkipEscape<T>(ReadOnlySpan<T> text, int i)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        if (i + 1 >= text.Length)
        {
            return text.Length;
        }
        switch (At(text, i + 1))
        {
            case '[':
                return SkipCsi(text, i + 2);
            case ']':
            case '_':
            case 'P':
            case '^':
                // OSC / APC / DCS / PM: run to BEL or ST (ESC \).
                for (int j = i + 2; j < text.Length; j++)
                {
                    if (At(text, j) == '\a')
                    {
                        return j + 1;
                    }
                    if (At(text, j) == '\x1b' && j + 1 < text.Length && At(text, j + 1) == '\\')
                    {
                        return j + 2;
                    }
                }
                return text.Length;
            case '(':
            case ')':
            case '#':
                return Math.Min(text.Length, i + 3);
            default:
                return i + 2;
        }
    }

    private static int SkipCsi<T>(ReadOnlySpan<T> text, int j)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        // Parameters and intermediates are 0x20-0x3F; the final byte is 0x40-0x7E.
        while (j < text.Length && At(text, j) is >= ' ' and <= '?')
        {
            j++;
        }
        return j < text.Length ? j + 1 : j;
    }

    private static char At<T>(ReadOnlySpan<T> text, int i)
        where T : unmanaged, System.Numerics.IBinaryInteger<T> => (char)int.CreateTruncating(text[i]);
}
