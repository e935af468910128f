using System.Buffers;

namespace CiDoctor.Core.Matching;

/// <summary>
/// Prefilter on .NET's <see cref="SearchValues{T}"/> of strings: one vectorised
/// <c>IndexOfAny</c> rejects lines with no literal; at each hit, the literals that start with the
/// character found are checked in place, and the search resumes after it. Fine for a few dozen
/// literals; it slows down as the set grows (see docs/PERFORMANCE.md).
/// </summary>
public sealed class SearchValuesPrefilter : ILiteralPrefilter
{
    private readonly Group? _ordinal;
    private readonly Group? _ignoreCase;
    private readonly int _count;
    private int[] _stamp;
    private int _generation;

    public SearchValuesPrefilter(IReadOnlyList<(string Literal, bool IgnoreCase)> literals)
    {
        _count = literals.Count;
        _stamp = new int[_count];
        var ordinal = new List<(string, int)>();
        var folded = new List<(string, int)>();
        for (int i = 0; i < literals.Count; i++)
        {
            (literals[i].IgnoreCase ? folded : ordinal).Add((literals[i].Literal, i));
        }
        _ordinal = ordinal.Count > 0 ? new Group(ordinal, StringComparison.Ordinal) : null;
        _ignoreCase = folded.Count > 0 ? new Group(folded, StringComparison.OrdinalIgnoreCase) : null;
    }

    public void FindAll(ReadOnlySpan<char> line, List<int> found)
    {
        if (++_generation == int.MaxValue)
        {
            _generation = 1;
            _stamp = new int[_count];
        }
        _ordinal?.FindAll(line, found, _stamp, _generation);
        _ignoreCase?.FindAll(line, found, _stamp, _generation);
    }

    private sealed class Group
    {
        private readonly SearchValues<string> _values;
        private readonly StringComparison _comparison;
        private readonly Dictionary<char, (string Literal, int Index)[]> _byFirst;

        public Group(List<(string Literal, int Index)> literals, StringComparison comparison)
        {
            _comparison = comparison;
            _values = SearchValues.Create(literals.Select(l => l.Literal).Distinct().ToArray(), comparison);
            bool fold = comparison == StringComparison.OrdinalIgnoreCase;
            _byFirst = literals
                .GroupBy(l => fold ? char.ToUpperInvariant(l.Literal[0]) : l.Literal[0])
                .ToDictionary(g => g.Key, g => g.ToArray());
        }

        public void FindAll(ReadOnlySpan<char> line, List<int> found, int[] stamp, int generation)
        {
            bool fold = _comparison == StringComparison.OrdinalIgnoreCase;
            int offset = 0;
            while (offset < line.Length)
            {
                int at = line[offset..].IndexOfAny(_values);
                if (at < 0)
                {
                    return;
                }
                int pos = offset + at;
                char first = fold ? char.ToUpperInvariant(line[pos]) : line[pos];
                if (_byFirst.TryGetValue(first, out var candidates))
                {
                    var rest = line[pos..];
                    foreach (var (literal, index) in candidates)
                    {
                        if (stamp[index] != generation && rest.StartsWith(literal, _comparison))
                        {
                            stamp[index] = generation;
                            found.Add(index);
                        }
                    }
                }
                offset = pos + 1;
            }
        }
    }
}
