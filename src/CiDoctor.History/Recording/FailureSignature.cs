using CiDoctor.Core.Matching;
using CiDoctor.Core.Model;

namespace CiDoctor.History.Recording;

/// <summary>
/// A failure signature (DESIGN.md "History"): the root-cause mode id (<c>unknown</c> when no
/// mode matched) plus the masked text of the first cause line, so the same failure on another
/// run, commit or runner has the same signature:
/// <c>resource.disk-full: error: writing /tmp/# failed after #.#s</c>.
/// </summary>
public static class FailureSignature
{
    /// <summary>Characters of the masked line kept: enough to tell failures apart, bounded for the index.</summary>
    public const int MaxLineChars = 300;

    /// <summary>A failed job's first cause line and signature; both null for a job that did not fail.</summary>
    public static (string? FirstCause, string? Signature) Of(JobDiagnosis job)
    {
        if (job.Status != RunStatus.Failed)
        {
            return (null, null);
        }
        string? cause = job.Evidence.FirstOrDefault(e => e.Role == EvidenceRole.Cause)?.Text;
        return (cause, Of(job.RootCause?.Id, cause));
    }

    public static string Of(string? modeId, string? firstCauseLine)
    {
        string masked = firstCauseLine is null ? "" : LineMasker.Mask(firstCauseLine);
        if (masked.Length > MaxLineChars)
        {
            masked = masked[..MaxLineChars];
        }
        return $"{modeId ?? "unknown"}: {masked}";
    }
}
