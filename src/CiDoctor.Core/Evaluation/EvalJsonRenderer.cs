using System.Text.Json;
using CiDoctor.Core.Text;

namespace CiDoctor.Core.Evaluation;

/// <summary>
/// The machine-readable report. <c>figures</c> has the keys and values of the reference scorer's
/// <c>--json</c> output (without its seconds), so the two can be compared key by key:
/// <code>
/// { "root": "dev", "usePass": true, "cases": 392, "sets": { "cidiff": 37, … },
///   "figures": { "cidiff.base.diff.hit@10": 0.5, …, "logchunks.hit@10": 0.71 },
///   "extraBaselines": { … }, "counts": { "logchunks.hit@10": 339, … }, "errors": [],
///   "results": [ { "case": "cidiff/breakages/astor_400", "set": "cidiff", "error": null, "values": { … } } ],
///   "reliability": [ { "set": "issues", "cases": 62, "ece": 0.1, "confidentWrong": 0.05, "bands": [ { "band": "0.8–1.0", "cases": 30, "meanConfidence": 0.9, "kindAccuracy": 0.8, "originAccuracy": 0.9 }, … ] } ],
///   "timing": { "inProcess": true, "seconds": { "cidiff.seconds": 0.2 }, "wallSeconds": 41.2 } }
/// </code>
/// Everything but <c>timing</c> is the same on every run of the same build on the same cases.
/// </summary>
internal static class EvalJsonRenderer
{
    public static void Render(EvalReport report, TextWriter output) => JsonOutput.Write(output, w => Write(w, report));

    private static void Write(Utf8JsonWriter w, EvalReport report)
    {
        w.WriteStartObject();
        w.WriteString("root", report.Root);
        w.WriteBoolean("usePass", report.UsePass);
        w.WriteNumber("cases", report.Cases);
        w.WriteStartObject("sets");
        foreach (var (set, count) in report.CasesPerSet)
        {
            w.WriteNumber(set, count);
        }
        w.WriteEndObject();
        Numbers(w, "figures", report.Figures);
        Numbers(w, "extraBaselines", report.ExtraBaselines);
        w.WriteStartObject("counts");
        foreach (var (key, count) in report.Counts)
        {
            w.WriteNumber(key, count);
        }
        w.WriteEndObject();
        JsonOutput.WriteStrings(w, "errors", report.Errors);
        w.WriteStartArray("results");
        foreach (var r in report.Results)
        {
            WriteResult(w, r);
        }
        w.WriteEndArray();
        WriteReliability(w, report.Reliability);
        w.WriteStartObject("timing");
        w.WriteBoolean("inProcess", true);
        Numbers(w, "seconds", report.SecondsPerCase);
        if (report.WallSeconds is double wall)
        {
            w.WriteNumber("wallSeconds", wall);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteReliability(Utf8JsonWriter w, IReadOnlyList<Reliability> reliability)
    {
        w.WriteStartArray("reliability");
        foreach (var r in reliability)
        {
            w.WriteStartObject();
            w.WriteString("set", r.Set);
            w.WriteNumber("cases", r.Cases);
            JsonOutput.WriteNumberOrNull(w, "ece", r.Ece);
            JsonOutput.WriteNumberOrNull(w, "confidentWrong", r.ConfidentWrong);
            w.WriteStartArray("bands");
            foreach (var b in r.Bands)
            {
                w.WriteStartObject();
                w.WriteString("band", b.Label);
                w.WriteNumber("cases", b.Cases);
                JsonOutput.WriteNumberOrNull(w, "meanConfidence", b.MeanConfidence);
                JsonOutput.WriteNumberOrNull(w, "kindAccuracy", b.KindAccuracy);
                JsonOutput.WriteNumberOrNull(w, "originAccuracy", b.OriginAccuracy);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }


    // A case adds several values to one key only for red herrings; they are listed as an array then.
    private static void WriteResult(Utf8JsonWriter w, CaseResult r)
    {
        w.WriteStartObject();
        w.WriteString("case", r.Case.Name);
        w.WriteString("set", r.Case.Set);
        if (r.Error is null)
        {
            w.WriteNull("error");
        }
        else
        {
            w.WriteString("error", r.Error);
        }
        w.WriteStartObject("values");
        foreach (var group in r.Values.GroupBy(v => v.Key, StringComparer.Ordinal))
        {
            var values = group.ToList();
            if (values.Count == 1)
            {
                w.WriteNumber(group.Key, values[0].Value);
                continue;
            }
            w.WriteStartArray(group.Key);
            foreach (var v in values)
            {
                w.WriteNumberValue(v.Value);
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Numbers(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, double> values)
    {
        w.WriteStartObject(name);
        foreach (var (key, value) in values)
        {
            w.WriteNumber(key, value);
        }
        w.WriteEndObject();
    }
}
