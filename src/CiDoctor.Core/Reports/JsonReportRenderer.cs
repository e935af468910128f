using System.Text.Json;
using CiDoctor.Core.Model;
using CiDoctor.Core.Text;

namespace CiDoctor.Core.Reports;

/// <summary>The JSON contract of DESIGN.md ("JSON output contract"), field for field.</summary>
internal sealed class JsonReportRenderer : IReportRenderer
{
    public void Render(RunReport report, TextWriter output) => JsonOutput.Write(output, w => Write(w, report));

    private static void Write(Utf8JsonWriter w, RunReport report)
    {
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", RunReport.SchemaVersion);
        JsonOutput.WriteStrings(w, "sources", report.Sources);
        WriteRun(w, report.Run);
        var s2 = report.Summary;
        w.WriteStartObject("summary");
        w.WriteNumber("jobs", s2.Jobs);
        w.WriteNumber("failedJobs", s2.FailedJobs);
        w.WriteNumber("passedJobs", s2.PassedJobs);
        w.WriteNumber("rootCauses", s2.RootCauses);
        w.WriteBoolean("independent", s2.Independent);
        w.WriteBoolean("earlyFailure", s2.EarlyFailure);
        w.WriteEndObject();
        w.WriteStartArray("jobs");
        foreach (var job in report.Jobs)
        {
            WriteJob(w, job);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteRun(Utf8JsonWriter w, RunInfo run)
    {
        w.WriteStartObject("run");
        w.WriteString("provider", run.Provider);
        w.WriteString("repository", run.Repository);
        w.WriteString("runId", run.RunId);
        w.WriteString("workflow", run.Workflow);
        w.WriteString("branch", run.Branch);
        w.WriteString("commit", run.Commit);
        w.WriteString("event", run.Event);
        w.WriteString("startedAt", run.StartedAt);
        w.WriteString("url", run.Url);
        JsonOutput.WriteStrings(w, "notes", run.Notes);
        w.WriteEndObject();
    }

    private static void WriteJob(Utf8JsonWriter w, JobDiagnosis job)
    {
        w.WriteStartObject();
        w.WriteString("name", job.Name);
        w.WriteString("id", job.Id);
        w.WriteString("file", job.File);
        w.WriteString("status", Names.Of(job.Status));
        w.WriteString("failedStep", job.FailedStep);
        JsonOutput.WriteNumberOrNull(w, "exitCode", job.ExitCode);
        w.WriteString("origin", Names.Of(job.Origin));
        WriteRootCause(w, job.RootCause);
        w.WriteStartArray("evidence");
        foreach (var e in job.Evidence)
        {
            w.WriteStartObject();
            JsonOutput.WriteNumberOrNull(w, "line", e.Line);
            w.WriteString("text", e.Text);
            w.WriteString("role", Names.Of(e.Role));
            w.WriteString("source", Names.Of(e.Source));
            if (e.Source == EvidenceSource.Log)
            {
                w.WriteString("file", e.File ?? job.File);
            }
            if (e.Label is not null)
            {
                w.WriteString("label", e.Label);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("cascadeOf", job.CascadeOf);
        w.WriteStartArray("cascades");
        foreach (var c in job.Cascades)
        {
            w.WriteStartObject();
            w.WriteString("name", c.Name);
            w.WriteString("path", c.Path);
            w.WriteString("causedBy", c.CausedBy);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("noise");
        foreach (var n in job.Noise)
        {
            w.WriteStartObject();
            w.WriteNumber("line", n.Line);
            w.WriteString("text", n.Text);
            w.WriteString("id", n.Id);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteHistory(w, job.History);
        w.WriteEndObject();
    }

    private static void WriteHistory(Utf8JsonWriter w, JobHistory? h)
    {
        if (h is null)
        {
            w.WriteNull("history");
            return;
        }
        w.WriteStartObject("history");
        w.WriteString("classification", h.Classification);
        w.WriteNumber("runs", h.Runs);
        w.WriteNumber("failures", h.Failures);
        w.WriteNumber("failureRate", h.FailureRate);
        w.WriteNumber("flipRate", h.FlipRate);
        w.WriteNumber("distinctCommits", h.DistinctCommits);
        w.WriteBoolean("passedOnSameCommit", h.PassedOnSameCommit);
        w.WriteString("firstBadRun", h.FirstBadRun);
        w.WriteString("firstBadCommit", h.FirstBadCommit);
        w.WriteBoolean("rotating", h.Rotating);
        w.WriteString("branch", h.Branch);
        w.WriteBoolean("baselineFromHistory", h.BaselineFromHistory);
        w.WriteString("summary", h.Summary);
        w.WriteEndObject();
    }

    private static void WriteRootCause(Utf8JsonWriter w, RootCause? rc)
    {
        if (rc is null)
        {
            w.WriteNull("rootCause");
            return;
        }
        w.WriteStartObject("rootCause");
        w.WriteString("id", rc.Id);
        w.WriteString("kind", rc.Kind);
        w.WriteString("title", rc.Title);
        w.WriteNumber("confidence", Math.Round(rc.Confidence, 2));
        w.WriteString("explanation", rc.Explanation);
        JsonOutput.WriteStrings(w, "factors", rc.Factors);
        w.WriteStartArray("actions");
        foreach (var a in rc.Actions)
        {
            w.WriteStartObject();
            w.WriteString("when", Names.Of(a.When));
            w.WriteString("effort", Names.Of(a.Effort));
            w.WriteString("text", a.Text);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("principle", rc.Principle);
        w.WriteString("severity", Names.Of(rc.Severity));
        w.WriteEndObject();
    }

}
