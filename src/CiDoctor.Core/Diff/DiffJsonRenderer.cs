using System.Text.Json;
using CiDoctor.Core.Text;

namespace CiDoctor.Core.Diff;

/// <summary>
/// <c>cidoctor diff --format json</c> (docs/DIFF.md): the two logs, the counts, every new line
/// with its fail-log number, and the hunks as line ranges.
/// <code>{ "schemaVersion": 1, "pass": "pass.log", "fail": "fail.log",
///   "summary": { "passLines": 1011, "failLines": 839, "unchanged": 750, "moved": 6, "updated": 14, "new": 69, "hunks": 15 },
///   "newLines": [ { "line": 809, "text": "#6 ERROR: failed to copy: …" } ],
///   "hunks": [ { "start": 803, "end": 829, "new": 16 } ] }</code>
/// </summary>
internal static class DiffJsonRenderer
{
    public const int SchemaVersion = 1;

    public static void Render(LogDiffResult diff, TextWriter output) => JsonOutput.Write(output, w => Write(w, diff));

    private static void Write(Utf8JsonWriter w, LogDiffResult diff)
    {
        var s = diff.Summary;
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", SchemaVersion);
        w.WriteString("pass", diff.Pass);
        w.WriteString("fail", diff.Fail);
        w.WriteStartObject("summary");
        w.WriteNumber("passLines", s.PassLines);
        w.WriteNumber("failLines", s.FailLines);
        w.WriteNumber("unchanged", s.Unchanged);
        w.WriteNumber("moved", s.Moved);
        w.WriteNumber("updated", s.Updated);
        w.WriteNumber("new", s.New);
        w.WriteNumber("hunks", diff.Hunks.Count);
        w.WriteEndObject();
        w.WriteStartArray("newLines");
        foreach (var line in diff.NewLines)
        {
            w.WriteStartObject();
            w.WriteNumber("line", line.Line);
            w.WriteString("text", line.Text);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("hunks");
        foreach (var hunk in diff.Hunks)
        {
            w.WriteStartObject();
            w.WriteNumber("start", hunk.Start);
            w.WriteNumber("end", hunk.End);
            w.WriteNumber("new", hunk.New);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
