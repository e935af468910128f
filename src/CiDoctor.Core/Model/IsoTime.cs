using System.Globalization;

namespace CiDoctor.Core.Model;

/// <summary>Times as run.json and the providers write them (ISO 8601, UTC when no offset is given).</summary>
public static class IsoTime
{
    /// <summary>The time, or null when absent or unreadable (a bad time never stops a diagnosis).</summary>
    /// <summary>UTC to the second, <c>2025-10-14T10:00:00Z</c>: how CiDoctor writes every time it stores or prints.</summary>
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
