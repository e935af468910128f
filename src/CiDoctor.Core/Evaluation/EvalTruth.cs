using System.Text.Json;

namespace CiDoctor.Core.Evaluation;

/// <summary>
/// What a case's truth.json says, reduced to the fields the scorer reads. Line-labelled cases use
/// <see cref="ErrorLines"/> and <see cref="ContextLines"/>; cause-labelled cases use the rest.
/// Absent, null, empty and false-like values mean "not labelled", as Python's <c>truth.get(…) or …</c> reads them.
/// </summary>
public sealed record EvalTruth
{
    /// <summary><c>source</c>: <c>cidiff</c>, <c>logchunks</c>, or anything else (an issue reference).</summary>
    public string Source { get; init; } = "";

    public IReadOnlyList<LineRange> ErrorLines { get; init; } = [];

    public IReadOnlyList<LineRange> ContextLines { get; init; } = [];

    /// <summary>The expected root-cause kind; null when not labelled.</summary>
    public string? Category { get; init; }

    /// <summary>Other kinds also accepted as correct.</summary>
    public IReadOnlyList<string> AltCategories { get; init; } = [];

    /// <summary>True when the cause is the environment; null when not labelled.</summary>
    public bool? Environmental { get; init; }

    /// <summary>Substrings of fail.log that a good diagnosis shows as evidence.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>Substrings that look like errors but are not the cause.</summary>
    public IReadOnlyList<string> RedHerrings { get; init; } = [];

    public string? FailedStep { get; init; }

    public long? ExitCode { get; init; }

    /// <summary>Reads truth.json; throws <see cref="InvalidDataException"/> naming the file and the field when it is malformed.</summary>
    public static EvalTruth Read(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException("not a JSON object");
            }
            var root = doc.RootElement;
            return new EvalTruth
            {
                Source = Text(root, "source") ?? "",
                ErrorLines = Ranges(root, "error_lines"),
                ContextLines = Ranges(root, "context_lines"),
                Category = NonEmpty(Text(root, "category")),
                AltCategories = Texts(root, "alt_categories"),
                Environmental = Flag(root, "environmental"),
                Evidence = Texts(root, "evidence"),
                RedHerrings = Texts(root, "red_herrings"),
                FailedStep = NonEmpty(Text(root, "failed_step")),
                ExitCode = Integer(root, "exit_code"),
            };
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: invalid JSON: {e.Message}", e);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    private static JsonElement? Field(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string? Text(JsonElement root, string name) => Field(root, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        _ => throw new InvalidDataException($"'{name}' must be a string"),
    };

    private static bool? Flag(JsonElement root, string name) => Field(root, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw new InvalidDataException($"'{name}' must be true or false"),
    };

    private static long? Integer(JsonElement root, string name) => Field(root, name) switch
    {
        null => null,
        { } v when IsInteger(v, out long n) => n,
        _ => throw new InvalidDataException($"'{name}' must be an integer"),
    };

    private static bool IsInteger(JsonElement element, out long value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value);
    }

    private static string[] Texts(JsonElement root, string name)
    {
        if (Field(root, name) is not { } list)
        {
            return [];
        }
        if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw new InvalidDataException($"'{name}' must be a list of strings");
        }
        return list.EnumerateArray().Select(e => e.GetString()!).ToArray();
    }

    private static LineRange[] Ranges(JsonElement root, string name)
    {
        if (Field(root, name) is not { } list)
        {
            return [];
        }
        string problem = $"'{name}' must be a list of [start, end] pairs of line numbers";
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException(problem);
        }
        var ranges = new List<LineRange>();
        foreach (var pair in list.EnumerateArray())
        {
            if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2
                || !IsInteger(pair[0], out long start) || !IsInteger(pair[1], out long end))
            {
                throw new InvalidDataException(problem);
            }
            ranges.Add(new LineRange(start, end));
        }
        return [.. ranges];
    }
}
