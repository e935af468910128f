using System.Buffers;
using System.Text.RegularExpressions;

namespace CiDoctor.Core.Text;

/// <summary>
/// A regex tried only on text that holds one of its anchors (<see cref="RegexAnchor"/>, looked
/// for ignoring case, one-character ones included): the scorer's regexes run on every line with
/// error vocabulary, and most such lines lack what a given one needs. The answer is the regex's.
/// </summary>
internal sealed class GatedRegex
{
    private readonly SearchValues<string>? _ascii;
    private readonly (string Text, StringComparison Comparison)[] _others;

    private readonly Func<string, bool>? _precheck;

    /// <param name="precheck">
    /// A cheap test every text the regex matches passes, for regexes whose anchors are too common
    /// to skip anything (a single <c>.</c> or <c>(</c>).
    /// </param>
    public GatedRegex(Regex regex, Func<string, bool>? precheck = null)
    {
        Regex = regex;
        _precheck = precheck;
        var anchors = RegexAnchor.Extract(regex.ToString(), ignoreCase: true, minLength: 1);
        // ASCII anchors in one vectorised search; non-ASCII ones (✗) apart, which would make it slow.
        var ascii = anchors.Where(a => System.Text.Ascii.IsValid(a)).ToArray();
        _ascii = anchors.Count == 0 ? null : SearchValues.Create(ascii, StringComparison.OrdinalIgnoreCase);
        // Symbols such as ✗ have no case: an ordinal search is vectorised, an ignore-case one over
        // non-ASCII text is not (it was 4% of a 300-job run).
        _others = [.. anchors.Where(a => !System.Text.Ascii.IsValid(a))
            .Select(a => (a, a.All(c => char.ToUpperInvariant(c) == c && char.ToLowerInvariant(c) == c) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))];
        Anchored = anchors.Count > 0;
    }

    public Regex Regex { get; }

    /// <summary>False when the regex has no anchor and runs on every text.</summary>
    public bool Anchored { get; }

    public bool IsMatch(string text) => (_precheck?.Invoke(text) ?? true) && MayMatch(text) && Regex.IsMatch(text);

    private bool MayMatch(string text)
    {
        if (_ascii is null)
        {
            return true;
        }
        if (text.AsSpan().IndexOfAny(_ascii) >= 0)
        {
            return true;
        }
        foreach (var (other, comparison) in _others)
        {
            if (text.Contains(other, comparison))
            {
                return true;
            }
        }
        return false;
    }
}
