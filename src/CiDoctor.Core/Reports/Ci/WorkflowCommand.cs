using System.Text;

namespace CiDoctor.Core.Reports.Ci;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=a.c,line=3,title=T::message</c>), escaped as
/// @actions/core's command.ts does: data escapes <c>%</c>, CR and LF; property values also
/// escape <c>:</c> and <c>,</c>, which would otherwise end the value.
/// <code>
/// Data("50% done\nnext")   → "50%25 done%0Anext"
/// Property("a.c: x, y")    → "a.c%3A x%2C y"
/// </code>
/// </summary>
internal static class WorkflowCommand
{
    public static string Data(string value) => value
        .Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal);

    public static string Property(string value) => Data(value)
        .Replace(":", "%3A", StringComparison.Ordinal)
        .Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>One command line (no line break); properties with an empty value are left out, as the toolkit does.</summary>
    public static string Format(string command, IEnumerable<KeyValuePair<string, string?>> properties, string message)
    {
        var sb = new StringBuilder("::").Append(command);
        bool first = true;
        foreach (var (key, value) in properties)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }
            sb.Append(first ? ' ' : ',').Append(key).Append('=').Append(Property(value));
            first = false;
        }
        return sb.Append("::").Append(Data(message)).ToString();
    }
}
