using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CiDoctor.Core.Text;

/// <summary>
/// Finds which of hundreds of ASCII literals occur in a line of bytes, at a cost close to one
/// table test per byte. Each literal is keyed by its rarest window of 4 bytes (the one seen least
/// in a sample of the log being read); a bit table of hashed windows (2^20 bits) says which
/// windows key a literal, and only where the line's window at a position hashes to one of them
/// are that hash's literals compared in place. Shorter literals (2 or 3 bytes) are keyed by
/// their whole text in smaller tables, checked only when there are such literals.
/// </summary>
/// <remarks>
/// Windows are hashed with ASCII letters folded (<c>| 0x20</c> on every byte, which also merges
/// a few punctuation pairs): one key serves every casing of a case-insensitive literal, and the
/// comparison in place is exact. Built per log, because which windows are rare depends on the
/// log: a Java build is full of ".java" and a Go build of ".go:". Non-ASCII literals are not
/// indexed (<see cref="Indexed"/>): the caller handles lines with non-ASCII bytes another way.
/// </remarks>
public sealed class RareWindowFilter
{
    private const int HashBits = 18;
    private const uint Fold4 = 0x20202020;

    private readonly ulong[] _table = new ulong[(1 << HashBits) / 64];
    private readonly Dictionary<uint, Entry[]> _entries = [];
    private readonly byte[][] _literals;
    private readonly bool[] _ignoreCase;
    private readonly int[] _stamp;
    private readonly List<(byte[] Bytes, int Literal)> _twoByte = [];
    private int _generation;

    private readonly record struct Entry(int Literal, int Offset);

    /// <param name="literals">The literals; only ASCII ones of 2 bytes or more are indexed.</param>
    /// <param name="sample">Bytes of the log to rank windows by (its first block); may be empty.</param>
    public RareWindowFilter(IReadOnlyList<(string Literal, bool IgnoreCase)> literals, ReadOnlySpan<byte> sample)
    {
        int[] frequency = WindowFrequency(sample);
        _literals = new byte[literals.Count][];
        _ignoreCase = new bool[literals.Count];
        _stamp = new int[literals.Count];
        Indexed = new bool[literals.Count];
        var lists = new Dictionary<uint, List<Entry>>();
        for (int i = 0; i < literals.Count; i++)
        {
            var (literal, ignoreCase) = literals[i];
            _ignoreCase[i] = ignoreCase;
            _literals[i] = literal.Select(c => (byte)(ignoreCase ? char.ToLowerInvariant(c) : c)).ToArray();
            if (literal.Length < 2 || !System.Text.Ascii.IsValid(literal))
            {
                continue;
            }
            Indexed[i] = true;
            var bytes = literal.Select(c => (byte)c).ToArray();
            if (bytes.Length == 2)
            {
                _twoByte.AddRange(Casings(bytes, ignoreCase).Select(casing => (casing, i)));
                continue;
            }
            int offset = bytes.Length == 3 ? 0 : RarestWindow(bytes, frequency);
            foreach (uint key in Keys(bytes.AsSpan(offset)))
            {
                uint hash = Hash(key);
                _table[hash >> 6] |= 1UL << (int)(hash & 63);
                if (!lists.TryGetValue(hash, out var list))
                {
                    lists[hash] = list = [];
                }
                list.Add(new Entry(i, offset));
            }
        }
        foreach (var (hash, list) in lists)
        {
            _entries[hash] = [.. list];
        }
        System.Buffers.ArrayPool<int>.Shared.Return(frequency);
    }

    /// <summary>True for the literals this filter looks for (ASCII, 2 bytes or more).</summary>
    public bool[] Indexed { get; }

    /// <summary>Bytes that must follow a line in the buffer given to <see cref="FindAll"/>: it reads past the end.</summary>
    public const int Slack = 8;

    /// <summary>
    /// Adds to <paramref name="found"/> the index of every indexed literal that occurs in the
    /// first <paramref name="length"/> bytes of <paramref name="padded"/> (each once); returns true
    /// when it added any. <paramref name="padded"/> holds at least <see cref="Slack"/> more bytes
    /// (any values): windows are read eight bytes at a time, and a match past the line's end is
    /// rejected when compared.
    /// </summary>
    public bool FindAll(ReadOnlySpan<byte> padded, int length, List<int> found)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length + Slack, padded.Length);
        if (length < 2)
        {
            return false;
        }
        if (++_generation == int.MaxValue)
        {
            _generation = 1;
            Array.Clear(_stamp);
        }
        var line = padded[..length];
        int before = found.Count;
        ref byte start = ref MemoryMarshal.GetReference(padded);
        ref ulong table = ref MemoryMarshal.GetArrayDataReference(_table);
        // Four windows per 8-byte read, tested together: one branch per four positions.
        for (int i = 0; i < length - 1; i += 4)
        {
            ulong eight = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i)) | 0x2020202020202020UL;
            uint h0 = Hash((uint)eight), h1 = Hash((uint)(eight >> 8)), h2 = Hash((uint)(eight >> 16)), h3 = Hash((uint)(eight >> 24));
            ulong any = (Unsafe.Add(ref table, (int)(h0 >> 6)) >> (int)(h0 & 63))
                | (Unsafe.Add(ref table, (int)(h1 >> 6)) >> (int)(h1 & 63))
                | (Unsafe.Add(ref table, (int)(h2 >> 6)) >> (int)(h2 & 63))
                | (Unsafe.Add(ref table, (int)(h3 >> 6)) >> (int)(h3 & 63));
            if ((any & 1) != 0)
            {
                for (int j = i; j < i + 4 && j < length - 2; j++)
                {
                    uint hash = Hash((uint)(eight >> (8 * (j - i))));
                    if ((_table[hash >> 6] & (1UL << (int)(hash & 63))) != 0)
                    {
                        Verify(line, j, hash, found);
                    }
                }
            }
        }
        foreach (var (bytes, literal) in _twoByte)
        {
            // Two-byte literals have no window of their own; there are few (format markers such as "> ").
            if (_stamp[literal] != _generation && line.IndexOf(bytes) >= 0)
            {
                _stamp[literal] = _generation;
                found.Add(literal);
            }
        }
        return found.Count > before;
    }

    private void Verify(ReadOnlySpan<byte> line, int at, uint hash, List<int> found)
    {
        if (!_entries.TryGetValue(hash, out var entries))
        {
            return;
        }
        foreach (var (literal, offset) in entries)
        {
            int from = at - offset;
            byte[] bytes = _literals[literal];
            if (_stamp[literal] == _generation || from < 0 || from + bytes.Length > line.Length)
            {
                continue;
            }
            var window = line.Slice(from, bytes.Length);
            bool match = _ignoreCase[literal]
                ? System.Text.Ascii.EqualsIgnoreCase(window, bytes)
                : window.SequenceEqual(bytes);
            if (match)
            {
                _stamp[literal] = _generation;
                found.Add(literal);
            }
        }
    }

    /// <summary>The offset of the literal's 4-byte window that is least frequent in the sample.</summary>
    private static int RarestWindow(byte[] literal, int[] frequency)
    {
        int best = 0;
        int bestCount = int.MaxValue;
        for (int i = 0; i + 4 <= literal.Length; i++)
        {
            int count = frequency[Hash(Key(literal.AsSpan(i)))];
            if (count < bestCount)
            {
                best = i;
                bestCount = count;
            }
        }
        return best;
    }

    /// <summary>How often each hashed 4-byte window occurs in the sample.</summary>
    private static int[] WindowFrequency(ReadOnlySpan<byte> sample)
    {
        // Pooled: a run of many small logs builds one filter per log.
        int[] frequency = System.Buffers.ArrayPool<int>.Shared.Rent(1 << HashBits);
        Array.Clear(frequency);
        for (int i = 0; i + 4 <= sample.Length; i++)
        {
            frequency[Hash(Key(sample[i..]))]++;
        }
        return frequency;
    }

    /// <summary>4 bytes, little-endian (the first byte lowest), letters folded.</summary>
    private static uint Key(ReadOnlySpan<byte> bytes) => (uint)(bytes[0] | bytes[1] << 8 | bytes[2] << 16 | bytes[3] << 24) | Fold4;

    /// <summary>
    /// The window keys of a literal's key position: its 4 bytes, or for a 3-byte literal every
    /// window it can start (its bytes and any byte after them, folded: 128 keys).
    /// </summary>
    private static IEnumerable<uint> Keys(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 4)
        {
            return [Key(bytes)];
        }
        uint three = (uint)(bytes[0] | bytes[1] << 8 | bytes[2] << 16);
        return Enumerable.Range(0, 256).Select(next => (three | (uint)next << 24) | Fold4).Distinct().ToArray();
    }

    private static IEnumerable<byte[]> Casings(byte[] bytes, bool ignoreCase)
    {
        if (!ignoreCase)
        {
            return [bytes];
        }
        var lower = bytes.Select(b => (byte)char.ToLowerInvariant((char)b)).ToArray();
        var upper = bytes.Select(b => (byte)char.ToUpperInvariant((char)b)).ToArray();
        return new[] { lower, upper, [lower[0], upper[1]], [upper[0], lower[1]] }.DistinctBy(b => b[0] | b[1] << 8);
    }

    private static uint Hash(uint window) => (window * 0x9E3779B1u) >> (32 - HashBits);
}
