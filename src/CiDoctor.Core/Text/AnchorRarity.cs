namespace CiDoctor.Core.Text;

/// <summary>
/// Estimates how rarely a literal occurs in CI log lines, to choose among the literals a regex
/// requires the one that lets its regex run on the fewest lines. A general model of log text, not
/// fitted to any log: a literal's rarity is the sum of per-character "bits" (how little a
/// character is expected), where characters inside a fragment that most CI logs print
/// (<c>error</c>, <c>github.com/</c>, <c>.java</c>) count as one bit in all: a longer literal is
/// rarer only by what it adds to the words every log contains. Punctuation alone counts half.
/// </summary>
internal static class AnchorRarity
{
    // Text most CI logs contain whatever failed: severity and step words, short English words,
    // URLs and loopback addresses, platform names, common path parts, source and config file
    // extensions. Lower case, matched against the lower-cased literal.
    private static readonly string[] Generic =
    [
        "error", "fail", "fatal", "warn", "info", "debug", "test", "build", "install", "package", "line", "file", "found", "version",
        " in ", " of ", " to ", " the ", " and ", " is ", " at ", " for ", " on ", " not ", " with ",
        "github.com/", "https://", "http://", "http", "localhost", "127.0.0.1",
        "linux", "darwin", "windows", "x86_64", "amd64", "aarch64", "arm64",
        "/usr/", "/home/", "/tmp/", "/nix/store/", "node_modules", "site-packages",
        ".java", ".go", ".py", ".js", ".ts", ".kt", ".rs", ".rb", ".cs", ".json", ".xml", ".yaml", ".yml", ".txt", ".log", ".sh", ".md",
    ];

    /// <summary>
    /// The candidate a line is least likely to contain: a candidate is a set of literals (a line
    /// contains it when it contains one of them), so its chance is the sum of its literals' chances
    /// (2^-bits each). Null when there is no candidate; the first of equals otherwise.
    /// </summary>
    public static string[]? Rarest(IReadOnlyList<string[]> candidates, bool ignoreCase)
    {
        if (candidates.Count <= 1)
        {
            return candidates.Count == 0 ? null : candidates[0];
        }
        string[]? best = null;
        double bestChance = double.MaxValue;
        foreach (string[] candidate in candidates)
        {
            double chance = candidate.Sum(literal => Math.Pow(2, -Bits(literal, ignoreCase)));
            if (chance < bestChance)
            {
                (best, bestChance) = (candidate, chance);
            }
        }
        return best;
    }

    /// <summary>The rarity of a literal in bits: higher is rarer.</summary>
    public static double Bits(string literal, bool ignoreCase)
    {
        // Lower-cased once (one char for one char), so each fragment is an ordinal search.
        string lower = literal.ToLowerInvariant();
        var generic = new bool[literal.Length];
        double bits = 0;
        foreach (string fragment in Generic)
        {
            for (int at = lower.IndexOf(fragment, StringComparison.Ordinal); at >= 0;
                at = lower.IndexOf(fragment, at + 1, StringComparison.Ordinal))
            {
                // Not when inside a longer fragment already counted ("http" in "https://").
                var span = generic.AsSpan(at, fragment.Length);
                if (span.Contains(false))
                {
                    bits += 1;
                    span.Fill(true);
                }
            }
        }
        // Ignoring case, a capital is only its letter.
        string text = ignoreCase ? lower : literal;
        bool separator = true;
        for (int i = 0; i < text.Length; i++)
        {
            separator &= !char.IsLetterOrDigit(text[i]);
            if (!generic[i])
            {
                bits += CharBits(text, i);
            }
        }
        // Without a letter or digit a literal is a separator that many formats share ("]: ", "', '").
        return separator ? bits / 2 : bits;
    }

    // Log lines are mostly lower-case words, spaces, paths and numbers, so those characters say
    // little; digits, brackets and other punctuation, capitals inside words (acronyms, error codes,
    // CamelCase names), letters rare in English and non-ASCII symbols set one tool's message apart.
    private static double CharBits(string text, int i) => text[i] switch
    {
        ' ' or '\t' => 0.5,
        'j' or 'k' or 'q' or 'v' or 'w' or 'x' or 'y' or 'z' => 2,
        >= 'a' and <= 'z' => 1,
        >= 'A' and <= 'Z' => i > 0 && char.IsAsciiLetter(text[i - 1]) ? 2.5 : 1.5,
        >= '0' and <= '9' => 2,
        '.' or ',' or '-' or '/' or '\'' or '"' => 1,
        > '\x7f' => 3,
        _ => 2.5,
    };
}
