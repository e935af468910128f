using CiDoctor.Core.Catalog;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Text;

namespace CiDoctor.Core.Matching;

/// <summary>
/// The catalog compiled for one CI system into one matcher: every signal and factor literal
/// (and every regex anchor) goes into one multi-literal prefilter; a regex runs only on lines
/// that contain one of its anchors, or on every line when it has none. As a read's
/// <see cref="ILineMatcher"/>, it finds the patterns (indexes into <see cref="Patterns"/>) that
/// match each line on the reading thread.
/// </summary>
public sealed class CompiledCatalog : ILineMatcher
{
    private readonly ILiteralPrefilter _prefilter;
    private readonly int[][] _patternsByLiteral;
    private readonly int[] _unanchored;
    private readonly List<int> _literalHits = [];
    private readonly List<int> _lineHits = [];
    private readonly int[] _seen;

    // Literals a byte-level search does not look for (non-ASCII, or one character): always confirmed.
    private readonly int[] _notFoundInBytes;
    private int _generation;

    public CompiledCatalog(FailureCatalog catalog, string ci, Func<IReadOnlyList<(string, bool)>, ILiteralPrefilter>? prefilter = null)
    {
        Catalog = catalog;
        // A log whose format is unknown (plain) may still come from any CI system.
        Modes = catalog.Modes.Where(m => ci == "plain" || m.Ci.Count == 0 || m.Ci.Contains(ci) || (ci == "forgejo" && m.Ci.Contains("gitea"))).ToArray();
        var patterns = new List<PatternRef>();
        for (int m = 0; m < Modes.Count; m++)
        {
            var mode = Modes[m];
            bool trusted = mode.SourceFile.StartsWith("builtin:", StringComparison.Ordinal);
            for (int i = 0; i < mode.Signals.Count; i++)
            {
                patterns.Add(new PatternRef(m, PatternRole.Signal, i, new CompiledPattern(mode.Signals[i], trusted)));
            }
            for (int i = 0; i < mode.Factors.Count; i++)
            {
                patterns.Add(new PatternRef(m, PatternRole.Factor, i, new CompiledPattern(mode.Factors[i], trusted)));
            }
        }
        Patterns = patterns;
        Unless = Modes.Select(m => m.Unless.Select(u => new CompiledPattern(u, Trusted(m))).ToArray()).ToArray();
        Context = Modes.Select(m => m.Context.Select(c => new CompiledPattern(c, Trusted(m))).ToArray()).ToArray();

        var literals = new List<(string, bool)>();
        var literalIndex = new Dictionary<(string, bool), int>();
        var byLiteral = new List<List<int>>();
        var unanchored = new List<int>();
        for (int p = 0; p < patterns.Count; p++)
        {
            var compiled = patterns[p].Pattern;
            if (compiled.Anchors.Count == 0)
            {
                unanchored.Add(p);
                continue;
            }
            // A line with several of a pattern's anchors runs it once: Match checks _seen.
            foreach (string anchor in compiled.Anchors)
            {
                var key = (anchor, compiled.AnchorIgnoreCase);
                if (!literalIndex.TryGetValue(key, out int li))
                {
                    li = literals.Count;
                    literalIndex[key] = li;
                    literals.Add(key);
                    byLiteral.Add([]);
                }
                byLiteral[li].Add(p);
            }
        }
        Literals = literals;
        _notFoundInBytes = Enumerable.Range(0, literals.Count).Where(i => literals[i].Item1.Length < 2 || !System.Text.Ascii.IsValid(literals[i].Item1)).ToArray();
        // For the fast reader, a pattern tried on every line still needs some literal: lines
        // without it are skipped unread. A two-character one is fine there (it is looked for
        // with a vectorised search), though too frequent to make the prefilter skip the regex.
        var weak = unanchored.Select(p => WeakAnchors(patterns[p].Pattern)).ToArray();
        FastLiterals = weak.All(w => w.Count > 0)
            ? [.. literals, .. unanchored.SelectMany((p, i) => weak[i].Select(a => (a, patterns[p].Pattern.AnchorIgnoreCase)))]
            : null;
        _patternsByLiteral = byLiteral.Select(l => l.ToArray()).ToArray();
        _unanchored = unanchored.ToArray();
        _prefilter = (prefilter ?? (l => new FingerprintPrefilter(l)))(literals);
        _seen = new int[patterns.Count];
    }

    public FailureCatalog Catalog { get; }

    /// <summary>
    /// Literals of 2 characters or more, one of which every match of the pattern contains (one
    /// per top-level alternative); empty when some alternative has none.
    /// </summary>
    private static IReadOnlyList<string> WeakAnchors(CompiledPattern pattern) =>
        pattern.Spec.Regex is string regex ? RegexAnchor.Extract(regex, pattern.AnchorIgnoreCase, minLength: 2) : [];

    /// <summary>Every literal the prefilter looks for (signal and factor literals, regex anchors), with whether case is ignored.</summary>
    public IReadOnlyList<(string Literal, bool IgnoreCase)> Literals { get; }

    /// <summary>
    /// Literals without which a line cannot match any pattern (<see cref="Literals"/>, and a
    /// shorter literal of each pattern tried on every line); null when some pattern has none.
    /// </summary>
    public IReadOnlyList<(string Literal, bool IgnoreCase)>? FastLiterals { get; }

    private static bool Trusted(FailureMode mode) => mode.SourceFile.StartsWith("builtin:", StringComparison.Ordinal);

    /// <summary>The modes that apply to this CI system, sorted by id.</summary>
    public IReadOnlyList<FailureMode> Modes { get; }

    internal IReadOnlyList<PatternRef> Patterns { get; }

    internal CompiledPattern[][] Unless { get; }

    internal CompiledPattern[][] Context { get; }

    /// <summary>Adds to <paramref name="hits"/> the index (into <see cref="Patterns"/>) of every pattern that matches the line.</summary>
    internal void Match(string text, List<int> hits)
    {
        if (++_generation == int.MaxValue)
        {
            _generation = 1;
            Array.Clear(_seen);
        }
        _literalHits.Clear();
        _prefilter.FindAll(text, _literalHits);
        MatchFound(text, hits);
    }

    /// <summary>
    /// <see cref="Match(string, List{int})"/> for a line whose literals were looked for already:
    /// <paramref name="mayOccur"/> (indexes into <see cref="Literals"/>) holds every literal of 2
    /// characters or more, ASCII, that may occur in it (indexes past them, into
    /// <see cref="FastLiterals"/>, are passed over); each is confirmed in the text instead of
    /// running the prefilter again.
    /// </summary>
    internal void Match(string text, IReadOnlyList<int> mayOccur, List<int> hits)
    {
        if (++_generation == int.MaxValue)
        {
            _generation = 1;
            Array.Clear(_seen);
        }
        _literalHits.Clear();
        Confirm(text, mayOccur);
        Confirm(text, _notFoundInBytes);
        MatchFound(text, hits);
    }

    IReadOnlyList<(string Literal, bool IgnoreCase)>? ILineMatcher.Literals => FastLiterals;

    int[] ILineMatcher.Match(string text, IReadOnlyList<int>? mayOccur)
    {
        _lineHits.Clear();
        if (mayOccur is null)
        {
            Match(text, _lineHits);
        }
        else
        {
            Match(text, mayOccur, _lineHits);
        }
        return _lineHits.Count == 0 ? [] : [.. _lineHits];
    }

    private void Confirm(string text, IReadOnlyList<int> literals)
    {
        foreach (int li in literals)
        {
            if (li >= Literals.Count)
            {
                // One of FastLiterals' weak anchors: it only lets the fast reader skip lines;
                // the patterns it belongs to run on every parsed line anyway.
                continue;
            }
            var (literal, ignoreCase) = Literals[li];
            if (text.Contains(literal, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            {
                _literalHits.Add(li);
            }
        }
    }

    // The patterns of the literals found (_literalHits), and those tried on every line.
    private void MatchFound(string text, List<int> hits)
    {
        foreach (int li in _literalHits)
        {
            foreach (int p in _patternsByLiteral[li])
            {
                if (_seen[p] == _generation)
                {
                    continue;
                }
                _seen[p] = _generation;
                var pattern = Patterns[p].Pattern;
                if (pattern.IsLiteral || pattern.IsMatch(text))
                {
                    hits.Add(p);
                }
            }
        }
        foreach (int p in _unanchored)
        {
            if (Patterns[p].Pattern.IsMatch(text))
            {
                hits.Add(p);
            }
        }
        // In catalog order, whatever order the prefilter found the literals in: when several
        // signals of a mode match a line, the first one listed makes the finding (and its captures).
        hits.Sort();
    }
}

/// <summary>What a compiled pattern belongs to.</summary>
internal enum PatternRole { Signal, Factor }

/// <summary>A compiled pattern with its mode (index into <see cref="CompiledCatalog.Modes"/>) and role.</summary>
internal sealed record PatternRef(int Mode, PatternRole Role, int Index, CompiledPattern Pattern);
