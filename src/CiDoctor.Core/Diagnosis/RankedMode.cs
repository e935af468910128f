using CiDoctor.Core.Catalog;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Diagnosis;

/// <summary>A mode found in a job with its findings and rank score.</summary>
public sealed record RankedMode(FailureMode Mode, IReadOnlyList<Finding> Findings, int Count, double Score)
{
    /// <summary>The finding that best shows the mode (see <see cref="ModeRanker"/>).</summary>
    public Finding Lead => Findings[0];
}
