using System.Globalization;
using System.Text.RegularExpressions;

namespace CiDoctor.Core.Logs;

/// <summary>
/// What a copy from a CI system's job page glues into the text, recognised from the head of the
/// log and removed from every line before its reader sees it (line numbers stay the file's own):
/// the page's line numbers (<c>12Run actions/checkout@v4</c>, where line 1 of the file is the
/// page's line <c>1 + offset</c>) and its line anchors turned into Markdown links when pasted
/// (<c>[12](https://…#L12)</c>; GitHub <c>#step:4:12</c>, GitLab and Woodpecker <c>#L12</c>,
/// Gitea and Forgejo <c>#jobstep-4-12</c>). An anchor at the start of a line is that line's number
/// and goes; one inside the text stands for its digits (the page linked digits of the text).
/// </summary>
/// <example><c>sha[2](https://gitlab.example/p/-/jobs/13#L2)56:7c15…</c> becomes <c>sha256:7c15…</c>.</example>
internal sealed partial class CopyShape
{
    // A copy is recognised when this share of the head's non-empty lines starts with its page line
    // number (blank lines of a copy keep their number; a wrapped line may lose it).
    private const double NumberedShare = 0.6;
    private const int MinNumbered = 3;

    private readonly long? _offset;
    private readonly bool _anchors;

    private CopyShape(long? offset, bool anchors, string? page)
    {
        _offset = offset;
        _anchors = anchors;
        Page = page;
    }

    /// <summary>No copy residue: lines are left as they are.</summary>
    public static CopyShape None { get; } = new(null, false, null);

    /// <summary>True when the head shows page line numbers or anchors.</summary>
    public bool IsCopy => _offset is not null || _anchors;

    /// <summary>
    /// The CI system whose job page the anchors link to, when their address says it (GitHub's
    /// <c>/job/N#step:S:L</c>, GitLab's <c>/-/jobs/N#L</c>, Gitea's and Forgejo's <c>#jobstep-S-L</c>); null otherwise.
    /// </summary>
    public string? Page { get; }

    /// <summary>The residue the head of a log shows.</summary>
    public static CopyShape Detect(IReadOnlyList<string> head)
    {
        var anchors = head.Where(l => l.Contains("](http", StringComparison.Ordinal))
            .SelectMany(l => Anchor().Matches(l))
            .Where(IsLineAnchor)
            .Select(m => m.Groups["url"].Value)
            .ToList();
        long? offset = NumberOffset(head);
        return offset is null && anchors.Count == 0 ? None : new CopyShape(offset, anchors.Count > 0, anchors.Select(PageOf).FirstOrDefault(p => p is not null));
    }

    private static string? PageOf(string url) =>
        url.Contains("#jobstep-", StringComparison.Ordinal) ? "forgejo"
        : url.Contains("/-/jobs/", StringComparison.Ordinal) ? "gitlab"
        : url.Contains("#step:", StringComparison.Ordinal) ? "github"
        : null;

    /// <summary>The head with the residue removed, as the readers' detection should see it.</summary>
    public IReadOnlyList<string> Apply(IReadOnlyList<string> head) =>
        IsCopy ? head.Select((line, i) => Unglue(i + 1, line)).ToArray() : head;

    /// <summary>Line <paramref name="number"/> of the file without the page's number and anchors.</summary>
    public string Unglue(long number, string raw)
    {
        if (_offset is long offset && StartsWithNumber(raw, number + offset) is int length)
        {
            raw = raw[length..];
        }
        if (_anchors && raw.Contains("](http", StringComparison.Ordinal))
        {
            raw = Anchor().Replace(raw, m => !IsLineAnchor(m) ? m.Value : m.Index == 0 ? "" : m.Groups["n"].Value);
        }
        return raw;
    }

    /// <summary>The length of <paramref name="value"/>'s digits when the line starts with them (not as a list's <c>1.</c> or <c>1)</c>).</summary>
    private static int? StartsWithNumber(string line, long value)
    {
        if (value < 1 || line.Length == 0 || !char.IsAsciiDigit(line[0]))
        {
            return null;
        }
        string digits = value.ToString(CultureInfo.InvariantCulture);
        if (!line.StartsWith(digits, StringComparison.Ordinal))
        {
            return null;
        }
        return line.Length > digits.Length && line[digits.Length] is '.' or ')' ? null : digits.Length;
    }

    /// <summary>The offset k such that most head lines n start with page number n + k; null when the head is not numbered.</summary>
    private static long? NumberOffset(IReadOnlyList<string> head)
    {
        var candidates = new HashSet<long>();
        for (int i = 0; i < head.Count && candidates.Count < 40; i++)
        {
            string line = head[i];
            int run = 0;
            while (run < line.Length && run < 7 && char.IsAsciiDigit(line[run]))
            {
                run++;
            }
            for (int p = 1; p <= run; p++)
            {
                candidates.Add(long.Parse(line.AsSpan(0, p), CultureInfo.InvariantCulture) - (i + 1));
            }
        }
        int nonEmpty = head.Count(l => l.Length > 0);
        long? best = null;
        int bestCount = 0;
        foreach (long k in candidates.Order())
        {
            int count = 0;
            for (int i = 0; i < head.Count; i++)
            {
                count += StartsWithNumber(head[i], i + 1 + k) is null ? 0 : 1;
            }
            if (count > bestCount)
            {
                best = k;
                bestCount = count;
            }
        }
        return bestCount >= MinNumbered && bestCount >= NumberedShare * nonEmpty ? best : null;
    }

    /// <summary>A link whose target is a line of a job page: its URL ends with the linked number.</summary>
    private static bool IsLineAnchor(Match m)
    {
        var url = m.Groups["url"].ValueSpan;
        var n = m.Groups["n"].ValueSpan;
        if (!url.EndsWith(n, StringComparison.Ordinal))
        {
            return false;
        }
        var before = url[..^n.Length];
        return before.EndsWith("#L", StringComparison.Ordinal) || before.EndsWith(":", StringComparison.Ordinal) || before.EndsWith("-", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\[(?<n>\d{1,7})\]\((?<url>https?://[^)\s]{1,500})\)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex Anchor();
}
