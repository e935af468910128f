using CiDoctor.Core.Model;

namespace CiDoctor.Core.Reports;

/// <summary>Wording every human-facing report shares (Markdown, HTML, terminal), so they never drift apart.</summary>
internal static class ReportText
{
    /// <summary>"1 job", "3 jobs".</summary>
    public static string Count(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";

    /// <summary>8m5s, 1h2m, 42s: a duration as the reports print it.</summary>
    public static string Duration(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Max(0, seconds));
        return t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes}m" : t.TotalMinutes >= 1 ? $"{t.Minutes}m{t.Seconds}s" : $"{t.Seconds}s";
    }

    /// <summary>The heading of a group of recommended actions.</summary>
    public static string When(ActionWhen when) => when switch
    {
        ActionWhen.Immediate => "Immediate",
        ActionWhen.ShortTerm => "Short-term",
        _ => "Long-term",
    };
}
