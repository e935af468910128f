using System.Text;
using CiDoctor.Core.Matching;

namespace CiDoctor.History.Clustering;

/// <summary>
/// The normalised form of a failure text: every line masked with <see cref="LineMasker"/>
/// (timestamps, numbers, IPs and ports, hex ids, UUIDs, Nix hashes, temp paths become <c>#</c>),
/// white space collapsed, blank lines dropped, lines joined with <c>\n</c>, cut at
/// <see cref="ClusteringOptions.MaxSignatureChars"/>. A leading date or time (a first word, twice
/// at most, of three or more masked numbers and separators only, with a <c>:</c>, <c>-</c> or <c>/</c>: <c>[#:#:#]</c>,
/// <c>#-#-#T#:#:#.#Z</c>) is dropped: the same failure with and without a time prefix is one signature.
/// <c>"2024-05-01T10:00:00Z  error: open /tmp/tmp.x1Y: no space (after 12.5s)"</c> becomes
/// <c>"error: open /tmp/#: no space (after #.#s)"</c>.
/// </summary>
public static class FailureSignature
{
    public static string Of(string text, int maxChars = 400)
    {
        var result = new StringBuilder(Math.Min(text.Length, maxChars) + 16);
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range.Start.Value, range.End.Value - range.Start.Value).Trim();
            if (line.IsEmpty)
            {
                continue;
            }
            if (result.Length > 0)
            {
                result.Append('\n');
            }
            bool space = false;
            foreach (char c in WithoutTimePrefix(LineMasker.Mask(line.ToString())))
            {
                if (char.IsWhiteSpace(c))
                {
                    space = true;
                    continue;
                }
                if (space)
                {
                    result.Append(' ');
                    space = false;
                }
                result.Append(c);
            }
            if (result.Length >= maxChars)
            {
                break;
            }
        }
        return result.Length > maxChars ? result.ToString(0, maxChars) : result.ToString();
    }

    private static ReadOnlySpan<char> WithoutTimePrefix(string masked)
    {
        var rest = masked.AsSpan().TrimStart();
        for (int dropped = 0; dropped < 2; dropped++)
        {
            int end = rest.IndexOfAny(' ', '\t');
            var word = end < 0 ? rest : rest[..end];
            if (end < 0 || word.Count('#') < 3 || word.ContainsAnyExcept(TimeChars) || word.IndexOfAny(":-/") < 0)
            {
                break;
            }
            rest = rest[end..].TrimStart();
        }
        return rest;
    }

    private static readonly System.Buffers.SearchValues<char> TimeChars = System.Buffers.SearchValues.Create("#[]():.,-/TZ+");

    /// <summary>The tokens of a signature compared by the edit distance, at most <paramref name="maxTokens"/>.</summary>
    public static uint[] Tokens(string signature, int maxTokens = 64)
    {
        var tokens = TokenSequence.Of(signature);
        return tokens.Length > maxTokens ? tokens[..maxTokens] : tokens;
    }
}
