using System.Globalization;
using System.Text;

namespace CiDoctor.Core.Reports.Html;

/// <summary>Encoding, small text formats and the little blocks shared by the parts of the HTML report.</summary>
internal static class HtmlText
{
    /// <summary>
    /// Encodes text for element content and quoted attribute values: <c>&amp; &lt; &gt; " '</c>
    /// become entities; everything else stays as UTF-8 (the page declares it), except control
    /// characters, which HTML does not allow raw: C0 ones (tab aside) become their Unicode control
    /// pictures (<c>\x07</c> → <c>␇</c>), DEL and C1 ones U+FFFD.
    /// </summary>
    /// <example><c>a &lt; b &amp;&amp; "c"</c> → <c>a &amp;lt; b &amp;amp;&amp;amp; &amp;quot;c&amp;quot;</c>.</example>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        if (!NeedsEncoding(text))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '\t': sb.Append(c); break;
                case < ' ': sb.Append((char)(0x2400 + c)); break;
                case >= '\u007f' and <= '\u009f': sb.Append('\uFFFD'); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    private static bool NeedsEncoding(string text)
    {
        foreach (char c in text)
        {
            if (c is '&' or '<' or '>' or '"' or '\'' or (< ' ' and not '\t') or (>= '\u007f' and <= '\u009f'))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Encodes a sentence from the catalog, whose <c>`code`</c> spans (Markdown backticks, as
    /// the Markdown report prints them) become <c>&lt;code&gt;</c> elements.
    /// </summary>
    /// <example><c>use `nix eval` instead</c> → <c>use &lt;code&gt;nix eval&lt;/code&gt; instead</c>.</example>
    public static string Inline(string text)
    {
        var parts = text.Split('`');
        if (parts.Length < 3)
        {
            return Encode(text);
        }
        var sb = new StringBuilder(text.Length + 32);
        for (int i = 0; i < parts.Length; i++)
        {
            // An odd count of backticks leaves the last one unpaired: print it as it was.
            bool code = i % 2 == 1 && i < parts.Length - 1;
            if (i % 2 == 1 && !code)
            {
                sb.Append('`');
            }
            sb.Append(code ? $"<code>{Encode(parts[i])}</code>" : Encode(parts[i]));
        }
        return sb.ToString();
    }

    public static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A coordinate in the SVG: one decimal, invariant, no trailing ".0".</summary>
    public static string Px(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The id of a job's section: <c>job-2</c> for the second job of the report.</summary>
    public static string JobAnchor(int index) => "job-" + Number(index);

    /// <summary>The id of a shown log line: <c>j2-L320</c> is line 320 of the second job's log.</summary>
    public static string LineAnchor(int index, long line) => $"j{Number(index)}-L{Number(line)}";

    /// <summary>A severity as a badge that says it in words.</summary>
    public static string Severity(string severity) => $"<span class=\"badge sev-{severity}\">severity {severity}</span>";

    /// <summary>A term and its definition; <paramref name="html"/> is already encoded, null leaves the term out.</summary>
    public static void Field(TextWriter o, string name, string? html)
    {
        if (!string.IsNullOrEmpty(html))
        {
            o.WriteLine($"<dt>{name}</dt><dd>{html}</dd>");
        }
    }

    /// <summary>A list of items already encoded.</summary>
    public static void List(TextWriter o, IEnumerable<string> items, bool ordered = false)
    {
        o.WriteLine(ordered ? "<ol>" : "<ul>");
        foreach (string item in items)
        {
            o.WriteLine($"<li>{item}</li>");
        }
        o.WriteLine(ordered ? "</ol>" : "</ul>");
    }
}
