using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Reports.Ci;

/// <summary>
/// <c>--format gitlab</c>: a GitLab Code Quality report (docs.gitlab.com/ci/testing/code_quality,
/// "Code Quality report format"): a JSON array with one entry per failed job that is not a
/// cascade, each with <c>description</c>, <c>check_name</c>, <c>fingerprint</c>,
/// <c>severity</c> and <c>location.path</c> + <c>location.lines.begin</c>.
/// <code>
/// { "description": "build: Runner ran out of disk space. The step failed because …",
///   "check_name": "cidoctor/resource.disk-full", "fingerprint": "3f9c…(32 hex)",
///   "severity": "critical", "location": { "path": ".gitlab-ci.yml", "lines": { "begin": 1 } } }
/// </code>
/// </summary>
public sealed class GitLabCodeQualityRenderer(GitLabCodeQualityOptions options) : IReportRenderer
{
    public void Render(RunReport report, TextWriter output)
    {
        var locator = new RepoFileLocator(options.WorkspaceRoot);
        JsonOutput.Write(output, w =>
        {
            w.WriteStartArray();
            foreach (var group in CauseGroup.Of(report))
            {
                foreach (var job in group.Jobs)
                {
                    WriteEntry(w, job, group, locator);
                }
            }
            w.WriteEndArray();
        });
    }

    private void WriteEntry(Utf8JsonWriter w, JobDiagnosis job, CauseGroup group, RepoFileLocator locator)
    {
        var location = locator.Find(job) ?? new SourceLocation(options.FallbackPath, 1);
        w.WriteStartObject();
        w.WriteString("description", Description(job, group));
        w.WriteString("check_name", "cidoctor/" + group.Id);
        w.WriteString("fingerprint", Fingerprint(group.Id, job));
        w.WriteString("severity", Severity(job.RootCause));
        w.WriteStartObject("location");
        w.WriteString("path", location.Path);
        w.WriteStartObject("lines");
        w.WriteNumber("begin", location.Line);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Description(JobDiagnosis job, CauseGroup group)
    {
        string text = job.RootCause is { } rc
            ? $"{job.Name}: {rc.Title}. {rc.Explanation}"
            : $"{job.Name}: failed; no catalog mode matched." + (FirstCause(job) is { Length: > 0 } line ? $" Most informative line: {line}" : "");
        // Cascades belong to the job they follow from; with several jobs of one cause, the first names them.
        if (group.Cascades.Count > 0 && ReferenceEquals(job, group.Jobs[0]))
        {
            text += $" Also failed as a consequence: {string.Join(", ", group.Cascades.Select(c => c.Name))}.";
        }
        return text.ReplaceLineEndings(" ").Trim();
    }

    /// <summary>
    /// Stable across runs while the same mode breaks the same job on the same line (masked text,
    /// so no secrets; GitLab shows identical fingerprints once in the merge request widget).
    /// </summary>
    internal static string Fingerprint(string id, JobDiagnosis job)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{id}\n{job.Name}\n{FirstCause(job)}"));
        return Convert.ToHexStringLower(hash)[..32];
    }

    private static string FirstCause(JobDiagnosis job) => CauseGroup.Lead(job)?.Text ?? "";

    // The mode's severity low/medium/high/critical → GitLab minor/major/critical/blocker; GitLab's
    // "info" is left for nothing: every entry is a failed job. An unrecognised cause is "major".
    private static string Severity(RootCause? cause) => cause?.Severity switch
    {
        Model.Severity.Low => "minor",
        Model.Severity.High => "critical",
        Model.Severity.Critical => "blocker",
        _ => "major",
    };
}
