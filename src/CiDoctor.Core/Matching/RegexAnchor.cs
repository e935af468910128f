using System.Text;

namespace CiDoctor.Core.Matching;

/// <summary>
/// Finds a literal that every match of a regex must contain, so the prefilter can skip lines
/// that lack it: <c>error\[E\d{4}\]</c> → <c>error[E</c>; <c>(foo|bar) failed</c> → <c> failed</c>.
/// Conservative: only top-level runs of plain or escaped characters count; groups, classes,
/// alternations and optional quantifiers end a run. Returns null when there is no such literal.
/// </summary>
public static class RegexAnchor
{
    public static string? Extract(string pattern)
    {
        if (HasTopLevelAlternation(pattern))
        {
            return null;
        }
        string? best = null;
        var run = new StringBuilder();
        int i = 0;
        while (i < pattern.Length)
        {
            char c = pattern[i];
            int next;
            char? literal = null;
            if (c == '\\' && i + 1 < pattern.Length)
            {
                char e = pattern[i + 1];
                literal = e switch
                {
                    't' => '\t',
                    _ when char.IsAsciiLetterOrDigit(e) => null,
                    _ => e,
                };
                next = i + 2;
                if (literal is null && e is 'x' or 'u' or 'p' or 'P' or 'k')
                {
                    next = SkipEscapeArgument(pattern, i + 2);
                }
            }
            else if (c == '(')
            {
                // A group that must match once (no quantifier after it) contributes its own best literal.
                next = SkipGroup(pattern, i);
                bool required = next >= pattern.Length || pattern[next] is not ('*' or '?' or '+' or '{')
                    || (pattern[next] is '+' or '{' && !(pattern[next] == '{' && QuantifierMinIsZero(pattern, next)));
                string inner = GroupBody(pattern, i, next);
                Flush(ref best, run);
                if (required && Extract(inner) is { } innerBest && innerBest.Length > (best?.Length ?? 0))
                {
                    best = innerBest;
                }
                if (next < pattern.Length && pattern[next] is '*' or '?' or '+' or '{')
                {
                    next = SkipQuantifier(pattern, next);
                }
                i = next;
                continue;
            }
            else if (c == '[')
            {
                next = SkipClass(pattern, i);
            }
            else if ("^$.|)".Contains(c))
            {
                next = i + 1;
            }
            else if (c is '*' or '+' or '?' or '{')
            {
                // A quantifier with no preceding literal in this run (it follows a group or class).
                next = SkipQuantifier(pattern, i);
                Flush(ref best, run);
                i = next;
                continue;
            }
            else
            {
                literal = c;
                next = i + 1;
            }

            if (literal is null)
            {
                Flush(ref best, run);
                i = next;
                continue;
            }

            // A quantifier after this character decides whether it is required and repeatable.
            if (next < pattern.Length && pattern[next] is '*' or '?' or '+' or '{')
            {
                char q = pattern[next];
                bool optional = q is '*' or '?' || (q == '{' && QuantifierMinIsZero(pattern, next));
                int after = SkipQuantifier(pattern, next);
                if (!optional)
                {
                    run.Append(literal.Value);
                }
                Flush(ref best, run);
                i = after;
                continue;
            }
            run.Append(literal.Value);
            i = next;
        }
        Flush(ref best, run);
        return best;
    }

    private static void Flush(ref string? best, StringBuilder run)
    {
        if (run.Length > (best?.Length ?? 0))
        {
            best = run.ToString();
        }
        run.Clear();
    }

    private static bool HasTopLevelAlternation(string pattern)
    {
        int depth = 0;
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\')
            {
                i++;
                continue;
            }
            if (inClass)
            {
                inClass = c != ']';
                continue;
            }
            switch (c)
            {
                case '[': inClass = true; break;
                case '(': depth++; break;
                case ')': depth--; break;
                case '|' when depth == 0: return true;
            }
        }
        return false;
    }

    // The pattern inside a group, without its (?:, (?<name> or (?i) style prefix; "" for option-only groups.
    private static string GroupBody(string pattern, int open, int after)
    {
        int start = open + 1;
        int end = Math.Max(start, after - 1);
        if (start < end && pattern[start] == '?')
        {
            if (start + 1 < end && pattern[start + 1] == ':')
            {
                start += 2;
            }
            else if (start + 1 < end && pattern[start + 1] is '<' or '\'')
            {
                int close = pattern.IndexOf(pattern[start + 1] == '<' ? '>' : '\'', start + 2);
                start = close < 0 || close >= end ? end : close + 1;
            }
            else
            {
                return "";
            }
        }
        return pattern[start..end];
    }

    private static int SkipGroup(string pattern, int i)
    {
        int depth = 0;
        for (int j = i; j < pattern.Length; j++)
        {
            char c = pattern[j];
            if (c == '\\')
            {
                j++;
                continue;
            }
            if (c == '[')
            {
                j = SkipClass(pattern, j) - 1;
                continue;
            }
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth == 0)
            {
                return j + 1;
            }
        }
        return pattern.Length;
    }

    private static int SkipClass(string pattern, int i)
    {
        int j = i + 1;
        if (j < pattern.Length && pattern[j] == '^')
        {
            j++;
        }
        if (j < pattern.Length && pattern[j] == ']')
        {
            j++;
        }
        for (; j < pattern.Length; j++)
        {
            if (pattern[j] == '\\')
            {
                j++;
                continue;
            }
            if (pattern[j] == ']')
            {
                return j + 1;
            }
        }
        return pattern.Length;
    }

    private static int SkipQuantifier(string pattern, int i)
    {
        int j = i;
        if (pattern[j] == '{')
        {
            int close = pattern.IndexOf('}', j);
            j = close < 0 ? j + 1 : close + 1;
        }
        else
        {
            j++;
        }
        // Lazy or possessive suffix.
        if (j < pattern.Length && pattern[j] is '?' or '+')
        {
            j++;
        }
        return j;
    }

    private static bool QuantifierMinIsZero(string pattern, int i)
    {
        int j = i + 1;
        return j < pattern.Length && pattern[j] == '0' && (j + 1 >= pattern.Length || !char.IsAsciiDigit(pattern[j + 1]));
    }

    private static int SkipEscapeArgument(string pattern, int i)
    {
        if (i < pattern.Length && pattern[i] == '{')
        {
            int close = pattern.IndexOf('}', i);
            return close < 0 ? pattern.Length : close + 1;
        }
        if (i < pattern.Length && pattern[i] == '<')
        {
            int close = pattern.IndexOf('>', i);
            return close < 0 ? pattern.Length : close + 1;
        }
        int j = i;
        while (j < pattern.Length && j < i + 4 && char.IsAsciiHexDigit(pattern[j]))
        {
            j++;
        }
        return j;
    }
}
