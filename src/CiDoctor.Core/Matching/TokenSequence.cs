namespace CiDoctor.Core.Matching;

/// <summary>
/// Splits a (masked) line into tokens for the token-level edit distance: runs of letters, digits,
/// <c>_</c> and <c>#</c> are words, every other visible character is a token of its own, white
/// space separates. Tokens are 32-bit FNV-1a hashes, so comparing two is one integer compare.
/// <c>"error: cannot open '/tmp/#'"</c> becomes the hashes of
/// <c>error : cannot open ' / tmp / # '</c>.
/// </summary>
public static class TokenSequence
{
    public static uint[] Of(string text)
    {
        var tokens = new List<uint>(Math.Min(text.Length / 3 + 1, 256));
        var t = text.AsSpan();
        int i = 0;
        while (i < t.Length)
        {
            char c = t[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            int start = i;
            if (IsWordChar(c))
            {
                while (i < t.Length && IsWordChar(t[i]))
                {
                    i++;
                }
            }
            else
            {
                i++;
            }
            tokens.Add(Hash(t[start..i]));
        }
        return [.. tokens];
    }

    /// <summary>The 32-bit FNV-1a hash of a token, stable across processes.</summary>
    public static uint Hash(ReadOnlySpan<char> token)
    {
        uint h = 2166136261;
        foreach (char c in token)
        {
            h = (h ^ c) * 16777619;
        }
        return h;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '#';
}
