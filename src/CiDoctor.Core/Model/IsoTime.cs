using System.Globalization;

namespace CiDoctor.Core.Model;

/// <summary>Times as run.json and the providers write them (ISO 8601, UTC when no offset is given).</summary>
public static class IsoTime
{
    /// <summary>The time, or null when absent or unreadable (a bad time never stops a diagnosis).</summary>
    public static DateTimeOffset? Parse(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
