using CiDoctor.Core.Catalog;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Diagnosis;

/// <summary>A mode found in a job with its findings and rank score.</summary>
/// <param name="Incidental">Found only where it cannot have failed the job (steps that passed, after the failure report).</param>
internal sealed record RankedMode(FailureMode Mode, IReadOnlyList<Finding> Findings, int Count, double Score, bool Incidental = false)
{
    /// <summary>The finding that best shows the mode (see <see cref="ModeRanker"/>).</summary>
    public Finding Lead => Findings[0];
}
