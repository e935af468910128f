using System.Text;

namespace CiDoctor.Core.Matching;

/// <summary>
/// Masks what changes between two runs of the same job, so that lines can be compared across
/// runs: UUIDs, hex ids and hashes, Nix store hashes, numbers, temp paths. <c>"took 12.3s in
/// /tmp/tmp.Ab12Cd"</c> becomes <c>"took #.#s in /tmp/#"</c>. One pass over the characters, no
/// regex: a baseline of a large passing log is hashed line by line at reading speed.
/// </summary>
public static class LineMasker
{
    private static readonly string[] TempRoots = ["/tmp/", "/var/tmp/", "/mnt/tmp/", "\\Temp/", "/private/var/folders/"];

    public static string Mask(string text)
    {
        var sink = new TextSink(new StringBuilder(text.Length));
        Walk(text.AsSpan().Trim(), ref sink);
        return sink.Text.ToString();
    }

    /// <summary>A 64-bit FNV-1a hash of the masked line, stable across processes.</summary>
    public static ulong MaskedHash(string text)
    {
        var sink = new HashSink(14695981039346656037);
        Walk(text.AsSpan().Trim(), ref sink);
        return sink.Hash;
    }

    private interface ISink
    {
        void Add(char c);
    }

    private readonly struct TextSink(StringBuilder text) : ISink
    {
        public StringBuilder Text { get; } = text;

        public void Add(char c) => Text.Append(c);
    }

    private struct HashSink(ulong hash) : ISink
    {
        public ulong Hash { get; private set; } = hash;

        public void Add(char c) => Hash = (Hash ^ c) * 1099511628211;
    }

    private static void Walk<TSink>(ReadOnlySpan<char> t, ref TSink sink) where TSink : struct, ISink
    {
        int i = 0;
        while (i < t.Length)
        {
            // A temp path: keep its root, mask the generated rest.
            if (t[i] is '/' or '\\' && TempRoot(t[i..]) is int root and > 0)
            {
                for (int k = 0; k < root; k++)
                {
                    sink.Add(t[i + k]);
                }
                sink.Add('#');
                i += root;
                while (i < t.Length && !char.IsWhiteSpace(t[i]) && t[i] is not ('\'' or '"' or '`' or ':'))
                {
                    i++;
                }
                continue;
            }
            if (!char.IsAsciiLetterOrDigit(t[i]))
            {
                sink.Add(t[i]);
                i++;
                continue;
            }
            // A word of letters and digits (with the dashes of a UUID).
            int start = i;
            while (i < t.Length && (char.IsAsciiLetterOrDigit(t[i]) || t[i] == '_'))
            {
                i++;
            }
            int end = i;
            if (IsUuid(t, start, out int uuidEnd))
            {
                sink.Add('#');
                i = uuidEnd;
                continue;
            }
            var word = t[start..end];
            if (IsVolatileWord(word, end < t.Length && t[end] == '-'))
            {
                sink.Add('#');
                continue;
            }
            // Otherwise each run of digits in the word is a number.
            for (int k = 0; k < word.Length; k++)
            {
                if (char.IsAsciiDigit(word[k]))
                {
                    sink.Add('#');
                    while (k + 1 < word.Length && char.IsAsciiDigit(word[k + 1]))
                    {
                        k++;
                    }
                }
                else
                {
                    sink.Add(word[k]);
                }
            }
        }
    }

    private static int TempRoot(ReadOnlySpan<char> t)
    {
        foreach (string root in TempRoots)
        {
            if (t.StartsWith(root, StringComparison.Ordinal))
            {
                return root.Length;
            }
        }
        return 0;
    }

    // 8-4-4-4-12 hex digits.
    private static bool IsUuid(ReadOnlySpan<char> t, int start, out int end)
    {
        ReadOnlySpan<int> groups = [8, 4, 4, 4, 12];
        int i = start;
        for (int g = 0; g < groups.Length; g++)
        {
            for (int k = 0; k < groups[g]; k++, i++)
            {
                if (i >= t.Length || !char.IsAsciiHexDigit(t[i]))
                {
                    end = start;
                    return false;
                }
            }
            if (g < groups.Length - 1)
            {
                if (i >= t.Length || t[i] != '-')
                {
                    end = start;
                    return false;
                }
                i++;
            }
        }
        end = i;
        return true;
    }

    // 0x1f3a, a 7+ digit lower-case hex id (commits, digests), a Nix store hash (32 chars before '-').
    private static bool IsVolatileWord(ReadOnlySpan<char> word, bool dashFollows)
    {
        if (word.Length > 2 && word[0] == '0' && word[1] is 'x' or 'X' && IsHex(word[2..], anyCase: true))
        {
            return true;
        }
        if (word.Length >= 7 && IsHex(word, anyCase: false) && word.ContainsAnyInRange('0', '9'))
        {
            return true;
        }
        return dashFollows && word.Length == 32 && IsLowerAlnum(word);
    }

    private static bool IsHex(ReadOnlySpan<char> s, bool anyCase)
    {
        foreach (char c in s)
        {
            if (!(char.IsAsciiDigit(c) || c is >= 'a' and <= 'f' || anyCase && c is >= 'A' and <= 'F'))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsLowerAlnum(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!(char.IsAsciiDigit(c) || c is >= 'a' and <= 'z'))
            {
                return false;
            }
        }
        return true;
    }
}
