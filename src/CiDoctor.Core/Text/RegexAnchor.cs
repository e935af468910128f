using System.Text;
using System.Text.RegularExpressions;

namespace CiDoctor.Core.Text;

/// <summary>
/// Finds the prefilter anchors of a regex: literals such that every match contains at least one
/// of them, so lines with none can be skipped. <c>error\[E\d{4}\]</c> → <c>error[E</c>;
/// <c>github\.com/[^/]+/issues/\d+</c> → <c>/issues/</c> (the rarer of two required literals);
/// <c>has been renamed|has been removed</c> → both (one per alternative).
/// <para>
/// A wrong anchor (one a match may lack) silently drops real findings, so the parse is
/// conservative: only plain and escaped characters, required groups and alternations count;
/// classes, escapes such as <c>\d</c> or <c>\x41</c>, optional parts and groups that match
/// nothing (lookarounds, inline options) end a literal; when unsure, fewer or no anchors.
/// </para>
/// </summary>
public static partial class RegexAnchor
{
    /// <summary>Shortest anchor: two characters are in almost every line, so they skip nothing.</summary>
    public const int MinLength = 3;

    /// <summary>
    /// The anchors of a regex, empty when it must run on every line. An alternation has one anchor
    /// per alternative (or none when one alternative has none); otherwise one literal (or one set
    /// from a required group), the rarest that every match contains.
    /// </summary>
    public static IReadOnlyList<string> Extract(string pattern, bool ignoreCase = false, int minLength = MinLength)
    {
        // Free-spacing mode makes spaces and '#' syntax, not text; a comment may hold any
        // parenthesis or '|' and would throw the group and alternative boundaries off.
        if (FreeSpacingOption().IsMatch(pattern) || pattern.Contains("(?#", StringComparison.Ordinal))
        {
            return [];
        }
        var context = new Context(Math.Max(minLength, 1), ignoreCase || IgnoresCase(pattern));
        return Alternation(pattern, context) ?? [];
    }

    /// <summary>
    /// True when part of the regex may match ignoring case (<c>(?i)</c>, <c>(?mi:…)</c>), so its
    /// anchors must be looked for ignoring case. Over-inclusive on purpose (a <c>(?i)</c> inside a
    /// class counts): a needlessly case-insensitive anchor only skips fewer lines.
    /// </summary>
    public static bool IgnoresCase(string pattern) => IgnoreCaseOption().IsMatch(pattern);

    // An inline option group, (?i) or (?mi-s:, that names the option (even to turn it off).
    [GeneratedRegex(@"\(\?[mnsx-]*i[imnsx-]*[:)]", RegexOptions.CultureInvariant)]
    private static partial Regex IgnoreCaseOption();

    [GeneratedRegex(@"\(\?[imns-]*x[imnsx-]*[:)]", RegexOptions.CultureInvariant)]
    private static partial Regex FreeSpacingOption();

    private sealed record Context(int MinLength, bool IgnoreCase);

    // A line lacking the anchors of every alternative matches none of them; null when one has none.
    private static string[]? Alternation(string pattern, Context context)
    {
        var anchors = new List<string>();
        foreach (string alternative in SplitAlternatives(pattern))
        {
            var candidates = new List<string[]>();
            var run = new StringBuilder();
            Sequence(alternative, context, candidates, run);
            Flush(run, candidates, context);
            if (AnchorRarity.Rarest(candidates, context.IgnoreCase) is not { } rarest)
            {
                return null;
            }
            anchors.AddRange(rarest);
        }
        return anchors.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Adds to <paramref name="candidates"/> every literal (or set of literals) a match of this
    /// alternation-free sequence must contain; <paramref name="run"/> is the literal being built,
    /// which a plain group continues (the caller flushes it at the end).
    /// </summary>
    private static void Sequence(string sequence, Context context, List<string[]> candidates, StringBuilder run)
    {
        int i = 0;
        while (i < sequence.Length)
        {
            if (sequence[i] == '(')
            {
                i = Group(sequence, i, context, candidates, run);
                continue;
            }
            int end = Atom(sequence, i, out char? literal);
            var quantifier = Quantifier.Read(sequence, end);
            if (literal is { } c && !quantifier.Optional)
            {
                run.Append(c);
            }
            // A repeated character ends the literal: "ab+c" matches "abbc", which lacks "abc".
            if (literal is null || quantifier.Present)
            {
                Flush(run, candidates, context);
            }
            i = quantifier.End;
        }
    }

    // A group matched exactly once and without alternation is plain concatenation, so its text
    // continues the current literal; a required repeated or alternating group is a candidate of
    // its own; optional groups and groups that match no text contribute nothing.
    private static int Group(string sequence, int open, Context context, List<string[]> candidates, StringBuilder run)
    {
        int after = SkipGroup(sequence, open);
        var quantifier = Quantifier.Read(sequence, after);
        string? body = GroupBody(sequence, open, after);
        if (body is not null && !quantifier.Present && SplitAlternatives(body).Count == 1)
        {
            Sequence(body, context, candidates, run);
            return quantifier.End;
        }
        if (body is not null && !quantifier.Present && run.Length > 0 && Joined(run.ToString(), body, context) is { } joined)
        {
            candidates.Add(joined);
        }
        Flush(run, candidates, context);
        if (body is not null && !quantifier.Optional && Alternation(body, context) is { } inner)
        {
            candidates.Add(inner);
        }
        return quantifier.End;
    }

    // The literal before a group matched once, joined with each alternative's literal start:
    // "error (CS\d{4}|FS\d{4})" must contain "error CS" or "error FS", far rarer than "error ".
    private static string[]? Joined(string before, string body, Context context)
    {
        var joined = SplitAlternatives(body).Select(alternative => before + LiteralStart(alternative)).Distinct(StringComparer.Ordinal).ToArray();
        return joined.All(j => j.Length >= context.MinLength) && joined.Any(j => j.Length > before.Length) ? joined : null;
    }

    /// <summary>The characters every match of an alternative starts with (up to its first non-literal atom).</summary>
    private static string LiteralStart(string alternative)
    {
        var start = new StringBuilder();
        int i = 0;
        while (i < alternative.Length && alternative[i] != '(')
        {
            int end = Atom(alternative, i, out char? literal);
            var quantifier = Quantifier.Read(alternative, end);
            if (literal is not { } c || quantifier.Optional)
            {
                break;
            }
            start.Append(c);
            if (quantifier.Present)
            {
                break;
            }
            i = quantifier.End;
        }
        return start.ToString();
    }

    private static void Flush(StringBuilder run, List<string[]> candidates, Context context)
    {
        if (run.Length >= context.MinLength)
        {
            candidates.Add([run.ToString()]);
        }
        run.Clear();
    }

    /// <summary>
    /// Reads one atom that is not a group; <paramref name="literal"/> is the one character it
    /// always matches, or null (classes, <c>.</c>, anchors, escapes other than punctuation and <c>\t</c>).
    /// </summary>
    private static int Atom(string pattern, int i, out char? literal)
    {
        literal = null;
        char c = pattern[i];
        switch (c)
        {
            case '\\':
                return Escape(pattern, i, out literal);
            case '[':
                return SkipClass(pattern, i);
            case '.' or '^' or '$' or '|' or ')' or '*' or '+' or '?':
                return i + 1;
            case '{' when Quantifier.IsCounted(pattern, i):
                return Quantifier.Read(pattern, i).End;
            default:
                literal = c;
                return i + 1;
        }
    }

    private static int Escape(string pattern, int i, out char? literal)
    {
        literal = null;
        if (i + 1 >= pattern.Length)
        {
            return pattern.Length;
        }
        char e = pattern[i + 1];
        int next = i + 2;
        switch (e)
        {
            case 't':
                literal = '\t';
                return next;
            case >= '0' and <= '9':
                // Backreference or octal: all the digits belong to the escape.
                while (next < pattern.Length && char.IsAsciiDigit(pattern[next]))
                {
                    next++;
                }
                return next;
            case 'x' or 'u' or 'p' or 'P' or 'k' or 'c':
                return SkipEscapeArgument(pattern, e, next);
            case var _ when char.IsAsciiLetter(e):
                return next;
            default:
                literal = e;
                return next;
        }
    }

    private static int SkipEscapeArgument(string pattern, char escape, int i)
    {
        if (i >= pattern.Length)
        {
            return pattern.Length;
        }
        if (escape == 'c')
        {
            return i + 1;
        }
        // \p{Lu}, \k<name>, \k'name'
        if (pattern[i] is '{' or '<' or '\'')
        {
            int close = pattern.IndexOf(pattern[i] switch { '{' => '}', '<' => '>', _ => '\'' }, i + 1);
            return close < 0 ? pattern.Length : close + 1;
        }
        // \x41 has two hex digits, \u0041 four.
        int j = i;
        int digits = escape == 'x' ? 2 : 4;
        while (j < pattern.Length && j < i + digits && char.IsAsciiHexDigit(pattern[j]))
        {
            j++;
        }
        return j;
    }

    /// <summary>The top-level alternatives of a pattern (one when it has no top-level '|').</summary>
    private static List<string> SplitAlternatives(string pattern)
    {
        var parts = new List<string>();
        int start = 0;
        int depth = 0;
        for (int i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    i = SkipClass(pattern, i) - 1;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case '|' when depth == 0:
                    parts.Add(pattern[start..i]);
                    start = i + 1;
                    break;
            }
        }
        parts.Add(pattern[start..]);
        return parts;
    }

    /// <summary>
    /// The pattern a group matches: the inside of <c>(…)</c>, <c>(?:…)</c>, <c>(?&lt;name&gt;…)</c>,
    /// <c>(?'name'…)</c> or <c>(?i:…)</c>; null for groups that match no text of their own or are
    /// not plain (lookarounds, <c>(?i)</c>, atomic groups, conditionals, comments).
    /// </summary>
    private static string? GroupBody(string pattern, int open, int after)
    {
        int start = open + 1;
        int end = after - 1;
        if (end < start || pattern[end] != ')')
        {
            return null;   // unbalanced: no body to trust
        }
        if (start == end || pattern[start] != '?')
        {
            return pattern[start..end];
        }
        foreach (var prefix in GroupPrefix().EnumerateMatches(pattern.AsSpan(start, end - start)))
        {
            return pattern[(start + prefix.Length)..end];
        }
        return null;
    }

    // ?: | ?<name> | ?'name' (names may be balancing pairs a-b) | ?flags:
    [GeneratedRegex(@"^\?(?::|<[\w-]+>|'[\w-]+'|[imnsx-]+:)", RegexOptions.CultureInvariant)]
    private static partial Regex GroupPrefix();

    // The index after the ')' closing the group opened at i (the pattern's length when unbalanced).
    private static int SkipGroup(string pattern, int i)
    {
        int depth = 0;
        for (int j = i; j < pattern.Length; j++)
        {
            switch (pattern[j])
            {
                case '\\':
                    j++;
                    break;
                case '[':
                    j = SkipClass(pattern, j) - 1;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    if (--depth == 0)
                    {
                        return j + 1;
                    }
                    break;
            }
        }
        return pattern.Length;
    }

    // The index after the ']' closing the class opened at i, including .NET subtractions [a-z-[aeiou]].
    private static int SkipClass(string pattern, int i)
    {
        int j = i + 1;
        if (j < pattern.Length && pattern[j] == '^')
        {
            j++;
        }
        if (j < pattern.Length && pattern[j] == ']')
        {
            j++;   // a ']' first in a class is a member
        }
        // Only an unescaped '-' starts a subtraction: [\-[] is the class of '-' and '['.
        bool afterDash = false;
        for (; j < pattern.Length; j++)
        {
            switch (pattern[j])
            {
                case '\\':
                    j++;
                    afterDash = false;
                    break;
                case '[' when afterDash:
                    j = SkipClass(pattern, j) - 1;
                    afterDash = false;
                    break;
                case ']':
                    return j + 1;
                default:
                    afterDash = pattern[j] == '-';
                    break;
            }
        }
        return pattern.Length;
    }

    /// <summary>What follows an atom: nothing, or a quantifier that may make it optional.</summary>
    private readonly record struct Quantifier(int End, bool Present, bool Optional)
    {
        public static Quantifier Read(string pattern, int i)
        {
            if (i >= pattern.Length)
            {
                return new Quantifier(i, false, false);
            }
            bool optional;
            int end;
            switch (pattern[i])
            {
                case '*' or '?':
                    (end, optional) = (i + 1, true);
                    break;
                case '+':
                    (end, optional) = (i + 1, false);
                    break;
                case '{' when IsCounted(pattern, i):
                    end = pattern.IndexOf('}', i) + 1;
                    optional = MinimumIsZero(pattern, i + 1);
                    break;
                default:
                    return new Quantifier(i, false, false);
            }
            // Lazy suffix.
            if (end < pattern.Length && pattern[end] == '?')
            {
                end++;
            }
            return new Quantifier(end, true, optional);
        }

        // .NET reads '{' as a quantifier only in the forms {n}, {n,} and {n,m}; otherwise it is text.
        public static bool IsCounted(string pattern, int i) => CountedQuantifier().IsMatch(pattern.AsSpan(i));

        private static bool MinimumIsZero(string pattern, int i)
        {
            int j = i;
            while (j < pattern.Length && pattern[j] == '0')
            {
                j++;
            }
            return j > i && (j >= pattern.Length || !char.IsAsciiDigit(pattern[j]));
        }
    }

    [GeneratedRegex(@"^\{\d+(,\d*)?\}", RegexOptions.CultureInvariant)]
    private static partial Regex CountedQuantifier();
}
