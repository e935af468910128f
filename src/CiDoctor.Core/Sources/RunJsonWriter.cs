using System.Text;
using System.Text.Json;
using CiDoctor.Core.Model;
using CiDoctor.Core.Reports;
using CiDoctor.Core.Secrets;

namespace CiDoctor.Core.Sources;

/// <summary>
/// Writes run.json (DESIGN.md "run.json"): what <c>fetch</c> saves next to the logs and
/// <c>diagnose</c> and <c>history add</c> read back with <see cref="RunJsonReader"/>. Field order
/// follows DESIGN.md; absent values are written as null. Messages are masked for secrets.
/// </summary>
public static class RunJsonWriter
{
    public static void Write(string path, RunInfo run, int? attempt, IReadOnlyList<RunJob> jobs)
    {
        string temp = path + ".tmp";
        using (var stream = File.Create(temp))
        {
            Write(stream, run, attempt, jobs);
        }
        File.Move(temp, path, overwrite: true);
    }

    public static void Write(Stream stream, RunInfo run, int? attempt, IReadOnlyList<RunJob> jobs)
    {
        using var w = new Utf8JsonWriter(stream, JsonOutput.WriterOptions);
        w.WriteStartObject();
        w.WriteString("provider", run.Provider);
        w.WriteString("repository", run.Repository);
        w.WriteString("runId", run.RunId);
        if (attempt is int a)
        {
            w.WriteNumber("attempt", a);
        }
        else
        {
            w.WriteNull("attempt");
        }
        w.WriteString("workflow", run.Workflow);
        w.WriteString("branch", run.Branch);
        w.WriteString("commit", run.Commit);
        w.WriteString("event", run.Event);
        w.WriteString("startedAt", run.StartedAt);
        w.WriteString("url", run.Url is null ? null : SecretMasker.MaskText(run.Url));
        if (run.Notes.Count > 0)
        {
            JsonOutput.WriteStrings(w, "notes", run.Notes);
        }
        w.WriteStartArray("jobs");
        foreach (var job in jobs)
        {
            WriteJob(w, job);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteJob(Utf8JsonWriter w, RunJob job)
    {
        w.WriteStartObject();
        w.WriteString("id", job.Id);
        w.WriteString("name", job.Name);
        w.WriteString("status", Names.Of(job.Status));
        w.WriteString("startedAt", job.StartedAt);
        w.WriteString("completedAt", job.CompletedAt);
        if (job.DurationSeconds is double d)
        {
            w.WriteNumber("durationSeconds", d);
        }
        else
        {
            w.WriteNull("durationSeconds");
        }
        w.WriteString("runnerName", job.RunnerName);
        w.WriteString("log", job.Log);
        JsonOutput.WriteStrings(w, "junit", job.Junit);
        JsonOutput.WriteStrings(w, "needs", job.Needs);
        w.WriteStartArray("steps");
        foreach (var step in job.Steps)
        {
            w.WriteStartObject();
            w.WriteString("name", step.Name);
            w.WriteString("status", Names.Of(step.Status));
            if (step.ExitCode is int code)
            {
                w.WriteNumber("exitCode", code);
            }
            else
            {
                w.WriteNull("exitCode");
            }
            w.WriteString("startedAt", step.StartedAt);
            w.WriteString("completedAt", step.CompletedAt);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("annotations");
        foreach (var annotation in job.Annotations)
        {
            w.WriteStartObject();
            w.WriteString("level", annotation.Level);
            w.WriteString("message", SecretMasker.MaskText(annotation.Message));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The document as a string (tests, and callers that hold it before writing).</summary>
    public static string ToJson(RunInfo run, int? attempt, IReadOnlyList<RunJob> jobs)
    {
        using var buffer = new MemoryStream();
        Write(buffer, run, attempt, jobs);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
