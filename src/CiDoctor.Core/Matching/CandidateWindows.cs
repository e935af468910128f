using CiDoctor.Core.Model;

namespace CiDoctor.Core.Matching;

/// <summary>
/// Keeps the lines around scored candidates, so that evidence can show a failure as the block a
/// reader would look at (the test's name above its assertion, the stack frames below an
/// exception) and not as single lines. Bounded: when the store outgrows its limit, lines no
/// longer near a kept candidate are dropped.
/// </summary>
internal sealed class CandidateWindows(int radius, int limit)
{
    private readonly SortedDictionary<long, LogLine> _lines = [];
    private long _forwardUntil;

    /// <summary>Call for every line, after <paramref name="history"/> holds the lines before it.</summary>
    public void Observe(LogLine line, bool candidate, RingBuffer<LogLine> history)
    {
        if (candidate)
        {
            for (int i = Math.Max(0, history.Count - radius); i < history.Count; i++)
            {
                _lines.TryAdd(history[i].Number, history[i]);
            }
            _forwardUntil = line.Number + radius;
        }
        if (candidate || line.Number <= _forwardUntil)
        {
            _lines.TryAdd(line.Number, line);
        }
    }

    /// <summary>Drops lines far from every kept candidate once the store is over its limit.</summary>
    public void Trim(IEnumerable<long> candidates)
    {
        if (_lines.Count <= limit)
        {
            return;
        }
        var keep = new HashSet<long>();
        foreach (long c in candidates)
        {
            for (long n = c - radius; n <= c + radius; n++)
            {
                keep.Add(n);
            }
        }
        foreach (long n in _lines.Keys.Where(n => !keep.Contains(n) && n < _forwardUntil - radius).ToArray())
        {
            _lines.Remove(n);
        }
    }

    public IReadOnlyDictionary<long, LogLine> Lines => _lines;
}
