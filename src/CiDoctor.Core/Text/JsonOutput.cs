using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CiDoctor.Core.Text;

/// <summary>
/// How CiDoctor writes JSON, every document the same way: indented, non-ASCII text kept as is
/// (log lines are for people), and a final newline when written to a text writer. Reports,
/// run.json, snapshots and the other commands' JSON all go through <see cref="WriterOptions"/>.
/// </summary>
public static class JsonOutput
{
    /// <summary>The one definition of CiDoctor's JSON layout, for every <see cref="Utf8JsonWriter"/>.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the document <paramref name="write"/> makes, and a newline.</summary>
    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Text(write));
        output.Write('\n');
    }

    /// <summary>The document <paramref name="write"/> makes, without a final newline.</summary>
    public static string Text(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(w);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes <c>"name": n</c>, or <c>"name": null</c> when there is no value (DESIGN.md: absent values are null).</summary>
    public static void WriteNumberOrNull(Utf8JsonWriter w, string name, double? value)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (value is double v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>Writes <c>"name": n</c>, or <c>"name": null</c> when there is no value.</summary>
    public static void WriteNumberOrNull(Utf8JsonWriter w, string name, long? value)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (value is long v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>Writes <c>"name": [ "a", "b" ]</c>.</summary>
    public static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (string value in values)
        {
            w.WriteStringValue(value);
        }
        w.WriteEndArray();
    }
}
