namespace CiDoctor.Core.Text;

/// <summary>
/// Prefilter for hundreds of literals: every literal is keyed by a hash of its first three
/// characters (ASCII letters folded to lower case), and a bit table of those hashes (2^20 bits,
/// 128 KiB) is checked at each position of the line; only where a bit is set are the literals
/// of that bucket compared in place. The cost per character is a hash and a bit test, whatever
/// the number of literals, where .NET's <c>SearchValues&lt;string&gt;</c> slows down as the set grows
/// (docs/PERFORMANCE.md).
/// Literals shorter than three characters are looked for one by one (there are few).
/// </summary>
public sealed class FingerprintPrefilter : ILiteralPrefilter
{
    private const int HashBits = 20;
    private const int HashMask = (1 << HashBits) - 1;

    private readonly ulong[] _table = new ulong[(1 << HashBits) / 64];
    private readonly Dictionary<int, Entry[]> _buckets;
    private readonly Entry[] _short;
    private readonly int[] _stamp;
    private int _generation;

    private readonly record struct Entry(string Literal, int Index, StringComparison Comparison);

    public FingerprintPrefilter(IReadOnlyList<(string Literal, bool IgnoreCase)> literals)
    {
        _stamp = new int[literals.Count];
        var buckets = new Dictionary<int, List<Entry>>();
        var shortOnes = new List<Entry>();
        for (int i = 0; i < literals.Count; i++)
        {
            var (literal, ignoreCase) = literals[i];
            var entry = new Entry(literal, i, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
            if (literal.Length < 3)
            {
                shortOnes.Add(entry);
                continue;
            }
            int h = Hash(Fold(literal[0]), Fold(literal[1]), Fold(literal[2]));
            _table[h >> 6] |= 1UL << (h & 63);
            if (!buckets.TryGetValue(h, out var list))
            {
                buckets[h] = list = [];
            }
            list.Add(entry);
        }
        _buckets = buckets.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
        _short = [.. shortOnes];
    }

    public void FindAll(ReadOnlySpan<char> line, List<int> found)
    {
        if (++_generation == int.MaxValue)
        {
            _generation = 1;
            Array.Clear(_stamp);
        }
        if (line.Length >= 3)
        {
            // Each character is folded once; the hash of a window is built from the last three.
            uint a = Fold(line[0]), b = Fold(line[1]);
            for (int i = 0; i + 2 < line.Length; i++)
            {
                uint c = Fold(line[i + 2]);
                int h = Hash(a, b, c);
                a = b;
                b = c;
                if ((_table[h >> 6] & (1UL << (h & 63))) == 0)
                {
                    continue;
                }
                var rest = line[i..];
                foreach (var entry in _buckets[h])
                {
                    if (_stamp[entry.Index] != _generation && rest.StartsWith(entry.Literal, entry.Comparison))
                    {
                        _stamp[entry.Index] = _generation;
                        found.Add(entry.Index);
                    }
                }
            }
        }
        foreach (var entry in _short)
        {
            if (_stamp[entry.Index] != _generation && line.Contains(entry.Literal, entry.Comparison))
            {
                _stamp[entry.Index] = _generation;
                found.Add(entry.Index);
            }
        }
    }

    // Case-insensitive literals must hash like every casing of themselves: letters are folded
    // (ASCII by a bit, others through upper-case invariant, as OrdinalIgnoreCase compares).
    private static int Hash(uint a, uint b, uint c) =>
        (int)((a * 0x9E3779B1u ^ b * 0x85EBCA77u ^ c * 0xC2B2AE3Du) >> (32 - HashBits)) & HashMask;

    private static uint Fold(char c) =>
        c < 128 ? (uint)(c is >= 'A' and <= 'Z' ? c | 0x20 : c) : char.ToUpperInvariant(c);
}
