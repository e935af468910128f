using CiDoctor.Core.Model;

namespace CiDoctor.Providers;

/// <summary>Provider words for outcomes, mapped to DESIGN.md's statuses.</summary>
internal static class StatusMap
{
    public static RunStatus Of(string? conclusion, string? status = null) => (conclusion ?? status)?.ToLowerInvariant() switch
    {
        "success" or "passed" => RunStatus.Passed,
        "failure" or "failed" or "timed_out" or "startup_failure" or "error" => RunStatus.Failed,
        "cancelled" or "canceled" => RunStatus.Cancelled,
        "skipped" => RunStatus.Skipped,
        _ => RunStatus.Unknown,
    };

    public static double? Seconds(string? start, string? end) =>
        IsoTime.Parse(start) is { } s && IsoTime.Parse(end) is { } e && e >= s ? Math.Round((e - s).TotalSeconds, 1) : null;

    /// <summary>A file name for a job's log: letters, digits, '-', '_', '.', and the id to keep names unique.</summary>
    public static string LogFile(string name, string? id)
    {
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]).Trim('-', '.');
        if (safe.Length > 80)
        {
            safe = safe[..80];
        }
        return $"logs/{(safe.Length == 0 ? "job" : safe)}{(id is null ? "" : "-" + id)}.log";
    }
}
