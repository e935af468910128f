using System.Text.RegularExpressions;

namespace CiDoctor.Core.Matching;

/// <summary>
/// Masks what changes between two runs of the same job, so that lines can be compared across
/// runs: timestamps, UUIDs, hex ids and hashes, numbers, temp paths. <c>"took 12.3s in
/// /tmp/tmp.Ab12Cd"</c> becomes <c>"took #.#s in /tmp/#"</c>.
/// </summary>
public static partial class LineMasker
{
    public static string Mask(string text)
    {
        string t = text.Trim();
        t = TempPath().Replace(t, "$1#");
        t = Volatile().Replace(t, "#");
        return t;
    }

    /// <summary>A 64-bit FNV-1a hash of the masked line, stable across processes.</summary>
    public static ulong MaskedHash(string text)
    {
        const ulong offset = 14695981039346656037;
        const ulong prime = 1099511628211;
        ulong hash = offset;
        foreach (char c in Mask(text))
        {
            hash = (hash ^ c) * prime;
        }
        return hash;
    }

    [GeneratedRegex(@"((?:/tmp|/var/tmp|/mnt/tmp|\\Temp|/private/var/folders)/)[^\s'""`:]+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TempPath();

    // Order matters: UUIDs and long hex runs before plain numbers.
    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\b0x[0-9a-fA-F]+\b|\b[0-9a-f]{7,}\b|\b[0-9a-z]{32}(?=-)|\d+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Volatile();
}
