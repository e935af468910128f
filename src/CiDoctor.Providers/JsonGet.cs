using System.Globalization;
using System.Text.Json;

namespace CiDoctor.Providers;

/// <summary>Lenient reads of provider JSON: a missing or null field is null, numbers or strings both read as text.</summary>
internal static class JsonGet
{
    public static string? Str(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        } : null;

    public static JsonElement Obj(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : default;

    public static IEnumerable<JsonElement> Array(this JsonElement e, string? name = null)
    {
        var a = name is null ? e : e.Obj(name);
        return a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : [];
    }

    public static double? Num(this JsonElement e, string name) =>
        double.TryParse(e.Str(name), NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : null;
}
