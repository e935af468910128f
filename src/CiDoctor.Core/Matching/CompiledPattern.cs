using System.Text.RegularExpressions;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Text;

namespace CiDoctor.Core.Matching;

/// <summary>A catalog pattern ready to run: a literal, or a regex with its prefilter anchors.</summary>
internal sealed class CompiledPattern
{
    private static readonly Dictionary<string, string> NoCaptures = [];

    public CompiledPattern(PatternSpec spec, bool trusted = true)
    {
        Spec = spec;
        _trusted = trusted;
        if (spec.Literal is not null)
        {
            AnchorIgnoreCase = spec.IgnoreCase;
            Comparison = spec.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            return;
        }
        AnchorIgnoreCase = spec.IgnoreCase || RegexAnchor.IgnoresCase(spec.Regex!);
        // Named groups; lookbehinds "(?<=" and "(?<!" are refused when the catalog is loaded.
        HasCaptures = spec.Regex!.Contains("(?<", StringComparison.Ordinal) || spec.Regex.Contains("(?'", StringComparison.Ordinal);
    }

    public PatternSpec Spec { get; }

    /// <summary>
    /// The regex, built the first time its anchor is found in a line: most patterns never fire on
    /// a given log, and building ~500 regexes up front was a third of a small log's start-up. It
    /// is the interpreter's at first, a compiled one once the pattern has run <see cref="HotCalls"/>
    /// times in this process: interpreting one that runs on thousands of long lines (a Maven
    /// log's <c>Foo.java:[12,5]</c> errors) costs more than compiling it.
    /// </summary>
    public Regex? Regex => Spec.Regex is null ? null : _regex ??= Build();

    private const int HotCalls = 256;
    private readonly bool _trusted;
    private Regex? _regex;
    private IReadOnlyList<string>? _anchors;
    private int _calls;

    private Regex Build() =>
        PatternCompiler.TryCompile(Spec.Regex!, Spec.IgnoreCase, out string? error, _trusted)
            ?? throw new CiDoctorException($"regex '{Spec.Regex}' does not compile: {error}");

    /// <summary>
    /// Literals such that every match contains one of them (one per alternative of an
    /// alternation); empty when the pattern must run on every line. Found on first use: unless
    /// and context patterns are compiled too but never prefiltered.
    /// </summary>
    public IReadOnlyList<string> Anchors => _anchors ??= Spec.Literal is not null ? [Spec.Literal] : RegexAnchor.Extract(Spec.Regex!, AnchorIgnoreCase);

    public bool AnchorIgnoreCase { get; }

    public StringComparison Comparison { get; }

    public bool HasCaptures { get; }

    /// <summary>True when a literal pattern is fully decided by its one anchor being present.</summary>
    public bool IsLiteral => Spec.Regex is null;

    public bool IsMatch(string text)
    {
        var regex = Regex;
        if (regex is null)
        {
            return text.Contains(Spec.Literal!, Comparison);
        }
        if (++_calls == HotCalls && (regex.Options & RegexOptions.NonBacktracking) == 0)
        {
            // Same pattern, options and timeout: the same answers, faster.
            _regex = regex = new Regex(regex.ToString(), regex.Options | RegexOptions.Compiled, regex.MatchTimeout);
        }
        try
        {
            return regex.IsMatch(text);
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
