using System.Globalization;
using System.Text.RegularExpressions;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Matching;
using CiDoctor.History.Clustering;

namespace CiDoctor.Benchmarks;

/// <summary>
/// Failure texts for the clustering benchmark (issue 6): the error-looking lines of the shared
/// dev logs (<c>../shared/eval/dev</c>, every <c>fail.log</c>; a line is error-looking when
/// <see cref="LineScorer.Score"/> is above 0), each used as a template whose numbers, hex ids,
/// UUIDs, temp paths and timestamps are replaced with random ones (fixed seed), half of them
/// behind a random <c>HH:MM:SS</c> time prefix, with a random job (40 names) and time (90 days).
/// </summary>
public static partial class FailureTexts
{
    /// <summary>Where the dev logs are: <c>CIDOCTOR_EVAL_DEV</c>, else <c>../shared/eval/dev</c> beside the repository.</summary>
    public static string DevFolder() =>
        Environment.GetEnvironmentVariable("CIDOCTOR_EVAL_DEV") is { Length: > 0 } dev
            ? dev
            : Path.GetFullPath(Path.Combine(Inputs.RepositoryRoot(), "..", "shared", "eval", "dev"));

    /// <summary>The distinct error-looking lines of every fail.log under <paramref name="folder"/>, cut at 300 characters, in a stable order.</summary>
    public static List<string> Templates(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder}: the dev logs are needed (set CIDOCTOR_EVAL_DEV)");
        }
        var lines = new HashSet<string>(StringComparer.Ordinal);
        foreach (string log in Directory.EnumerateFiles(folder, "fail.log", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var session = new LogReadSession(LogSource.FromFile(log, "fail.log"));
            foreach (var line in session.ReadLines())
            {
                string text = line.Text.Trim();
                if (text.Length >= 8 && LineScorer.Score(text) > 0)
                {
                    lines.Add(text.Length > 300 ? text[..300] : text);
                }
            }
        }
        return [.. lines.Order(StringComparer.Ordinal)];
    }

    /// <summary><paramref name="count"/> varied texts with their metadata, from a seeded generator.</summary>
    public static (string Text, FailureMetadata Meta)[] Generate(IReadOnlyList<string> templates, int count, int seed = 6)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero);
        var result = new (string, FailureMetadata)[count];
        for (int i = 0; i < count; i++)
        {
            string text = Volatile().Replace(templates[random.Next(templates.Count)], m => Vary(m.Value, random));
            if (random.Next(2) == 0)
            {
                text = string.Create(CultureInfo.InvariantCulture, $"[{random.Next(24):00}:{random.Next(60):00}:{random.Next(60):00}] {text}");
            }
            result[i] = (text, new FailureMetadata(start.AddMinutes(random.Next(90 * 24 * 60)), "job-" + random.Next(40).ToString(CultureInfo.InvariantCulture)));
        }
        return result;
    }

    private static string Vary(string value, Random random)
    {
        if (value.StartsWith('/'))
        {
            return value[..(value.IndexOf('/', 1) + 1)] + "tmp." + Hex(random, 10);
        }
        if (value.Length == 36 && value[8] == '-')
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes).ToString();
        }
        if (value.All(char.IsAsciiDigit))
        {
            return random.Next(0, 1_000_000).ToString(CultureInfo.InvariantCulture);
        }
        return Hex(random, value.Length);       // a hex id: same length, at least one digit
    }

    private static string Hex(Random random, int length)
    {
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = "0123456789abcdef"[random.Next(16)];
        }
        chars[random.Next(length)] = (char)('0' + random.Next(10));
        return new string(chars);
    }

    // A UUID, a temp path, a lower-case hex id of 7+ characters with a digit, or a run of digits.
    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|/(?:tmp|var/tmp)/[^\s'"":]+|\b(?=[0-9a-f]*[0-9])[0-9a-f]{7,}\b|[0-9]+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Volatile();
}
