using System.Text;

namespace CiDoctor.Core.Diagnosis;

/// <summary>
/// Fills a mode's <c>explain</c> text with captures: <c>{path}</c> is replaced by the capture,
/// and an optional part <c>{ while writing {path}}</c> is printed only when every capture it
/// names was found. <c>"full{ while writing {path}}."</c> with path=/mnt/x → <c>"full while writing /mnt/x."</c>;
/// without → <c>"full."</c>
/// </summary>
internal static class ExplainTemplate
{
    public static string Render(string template, IReadOnlyDictionary<string, string> captures)
    {
        var sb = new StringBuilder(template.Length + 32);
        Render(template.AsSpan(), captures, sb);
        return sb.ToString();
    }

    // Returns false when a capture named in this part is missing.
    private static bool Render(ReadOnlySpan<char> part, IReadOnlyDictionary<string, string> captures, StringBuilder sb)
    {
        bool complete = true;
        int i = 0;
        while (i < part.Length)
        {
            char c = part[i];
            if (c != '{')
            {
                sb.Append(c);
                i++;
                continue;
            }
            int close = MatchingBrace(part, i);
            if (close < 0)
            {
                sb.Append(part[i..]);
                break;
            }
            var inner = part[(i + 1)..close];
            if (inner.Contains('{') || inner.Contains(' '))
            {
                var optional = new StringBuilder();
                if (Render(inner, captures, optional))
                {
                    sb.Append(optional);
                }
            }
            else if (captures.TryGetValue(inner.ToString(), out string? value) && value.Length > 0)
            {
                sb.Append(value);
            }
            else
            {
                complete = false;
            }
            i = close + 1;
        }
        return complete;
    }

    private static int MatchingBrace(ReadOnlySpan<char> text, int open)
    {
        int depth = 0;
        for (int j = open; j < text.Length; j++)
        {
            if (text[j] == '{')
            {
                depth++;
            }
            else if (text[j] == '}' && --depth == 0)
            {
                return j;
            }
        }
        return -1;
    }
}
