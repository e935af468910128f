using System.Text.RegularExpressions;
using CiDoctor.Core.Catalog;

namespace CiDoctor.Core.Matching;

/// <summary>A catalog pattern ready to run: a literal, or a regex with its prefilter anchor.</summary>
internal sealed class CompiledPattern
{
    private static readonly Dictionary<string, string> NoCaptures = [];

    public CompiledPattern(PatternSpec spec, bool trusted = true)
    {
        Spec = spec;
        if (spec.Literal is not null)
        {
            Anchor = spec.Literal;
            AnchorIgnoreCase = spec.IgnoreCase;
            Comparison = spec.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            return;
        }
        Regex = PatternCompiler.TryCompile(spec.Regex!, spec.IgnoreCase, out string? error, trusted)
            ?? throw new CiDoctorException($"regex '{spec.Regex}' does not compile: {error}");
        string? anchor = RegexAnchor.Extract(spec.Regex!);
        // Anchors shorter than 3 characters would match almost every line; run the regex instead.
        Anchor = anchor is { Length: >= 3 } ? anchor : null;
        AnchorIgnoreCase = spec.IgnoreCase || spec.Regex!.Contains("(?i", StringComparison.Ordinal);
        HasCaptures = Regex.GetGroupNames().Any(n => !int.TryParse(n, out _));
    }

    public PatternSpec Spec { get; }

    /// <summary>
    /// The regex; the interpreter's at first, a compiled one once the pattern has run
    /// <see cref="HotCalls"/> times in this process. Compiling all ~500 built-in regexes up front
    /// would cost seconds of start-up; interpreting one that runs on thousands of long lines
    /// (a Maven log's <c>Foo.java:[12,5]</c> errors) costs more than compiling it.
    /// </summary>
    public Regex? Regex { get; private set; }

    private const int HotCalls = 256;
    private int _calls;

    /// <summary>A literal every match contains, or null when the pattern must run on every line.</summary>
    public string? Anchor { get; }

    public bool AnchorIgnoreCase { get; }

    public StringComparison Comparison { get; }

    public bool HasCaptures { get; }

    /// <summary>True when a literal pattern is fully decided by its anchor being present.</summary>
    public bool IsLiteral => Regex is null;

    public bool IsMatch(string text)
    {
        if (Regex is null)
        {
            return text.Contains(Spec.Literal!, Comparison);
        }
        if (++_calls == HotCalls && (Regex.Options & RegexOptions.NonBacktracking) == 0)
        {
            // Same pattern, options and timeout: the same answers, faster.
            Regex = new Regex(Regex.ToString(), Regex.Options | RegexOptions.Compiled, Regex.MatchTimeout);
        }
        try
        {
            return Regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Named captures of the first match, or null when the pattern does not match.</summary>
    public IReadOnlyDictionary<string, string>? MatchCaptures(string text)
    {
        if (!HasCaptures)
        {
            return IsMatch(text) ? NoCaptures : null;
        }
        try
        {
            var m = Regex!.Match(text);
            if (!m.Success)
            {
                return null;
            }
            var captures = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Group g in m.Groups)
            {
                if (g.Success && !int.TryParse(g.Name, out _))
                {
                    captures[g.Name] = g.Value;
                }
            }
            return captures;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
