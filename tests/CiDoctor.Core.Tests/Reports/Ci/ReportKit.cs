using CiDoctor.Core.Model;

namespace CiDoctor.Core.Tests.Reports.Ci;

/// <summary>Small reports for the CI renderers' tests; the one place that calls the model's constructors.</summary>
internal static class ReportKit
{
    public static RootCause Cause(string id, string title = "A title", string explanation = "What happened.", Severity severity = Severity.Medium) =>
        new(id, "other", title, 0.8, explanation, [], [], null, severity);

    public static EvidenceLine Line(long line, string text, EvidenceRole role = EvidenceRole.Cause) =>
        new(line, text, role, EvidenceSource.Log);

    public static JobDiagnosis Job(string name, RootCause? cause = null, RunStatus status = RunStatus.Failed,
        string? cascadeOf = null, params EvidenceLine[] evidence) =>
        new(name, null, name + ".log", status, null, null, cause is null ? Origin.Unknown : Origin.Code, cause, evidence,
            cascadeOf, [], [], new JobFacts("github", 100, null, [], []));

    public static RunReport Report(params JobDiagnosis[] jobs) =>
        new(["run"], new RunInfo(Workflow: "ci"), new RunSummary(jobs.Length, jobs.Count(j => j.Status == RunStatus.Failed),
            jobs.Count(j => j.Status == RunStatus.Passed), 0, false, false), jobs);
}
