using CiDoctor.Core.Model;

namespace CiDoctor.Core.Evaluation;

/// <summary>One evidence entry as <c>diagnose --format json</c> prints it: <c>line</c>, <c>text</c>, and whether its <c>role</c> is <c>cause</c>.</summary>
public sealed record EvalEvidence(long? Line, string Text, bool IsCause);

/// <summary>
/// The job a case is scored on (<c>evidence_of</c> in the reference scorer): the first failed
/// job, else the first job, with the fields the scorer reads, named and valued as in the JSON
/// report. Evidence lists cause entries first, then the others, each in report order.
/// </summary>
public sealed record EvalJob(string? Kind, string Origin, string? FailedStep, long? ExitCode, IReadOnlyList<EvalEvidence> Evidence)
{
    /// <summary>The root cause's confidence (0–1, two decimals as in the JSON report); null without a root cause.</summary>
    public double? Confidence { get; init; }

    /// <summary>The scored job of a report, or null when it has no jobs.</summary>
    public static EvalJob? Of(RunReport report)
    {
        if (report.Jobs.Count == 0)
        {
            return null;
        }
        var job = report.Jobs.FirstOrDefault(j => j.Status == RunStatus.Failed) ?? report.Jobs[0];
        // The same fields JsonReportRenderer writes: Names.Of(...) for enums, the record's values as they are.
        var evidence = job.Evidence.Select(e => new EvalEvidence(e.Line, e.Text, Names.Of(e.Role) == "cause")).ToList();
        var ordered = evidence.Where(e => e.IsCause).Concat(evidence.Where(e => !e.IsCause)).ToArray();
        return new EvalJob(job.RootCause?.Kind, Names.Of(job.Origin), job.FailedStep, job.ExitCode, ordered)
        {
            Confidence = job.RootCause is { } cause ? Math.Round(cause.Confidence, 2) : null,
        };
    }
}
