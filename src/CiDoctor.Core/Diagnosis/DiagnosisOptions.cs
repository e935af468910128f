namespace CiDoctor.Core.Diagnosis;

/// <summary>Weights of the ranking and sizes of the evidence; tunables, not rules.</summary>
public sealed record DiagnosisOptions
{
    /// <summary>Score of each severity, low to critical.</summary>
    public IReadOnlyList<double> SeverityWeight { get; init; } = [10, 20, 30, 40];

    /// <summary>Bonus when a finding is in the failed step.</summary>
    public double InFailedStep { get; init; } = 15;

    /// <summary>Penalty when a finding is in a step that did not fail (earlier steps passed, later ones are cleanup).</summary>
    public double OtherStep { get; init; } = 12;

    /// <summary>Penalty when every finding is in a step that passed or after the failure report.</summary>
    public double NotTheFailure { get; init; } = 40;

    /// <summary>Bonus for a finding right before the failure report, fading with distance (lines).</summary>
    public double Nearness { get; init; } = 8;

    /// <summary>Lines over which the nearness bonus halves.</summary>
    public double NearnessHalfLife { get; init; } = 150;

    /// <summary>Bonus of the mode whose first finding comes first (the first fatal error), then half for the next.</summary>
    public double FirstError { get; init; } = 6;

    /// <summary>Cause lines of the root cause shown.</summary>
    public int CauseLines { get; init; } = 5;

    /// <summary>Lines of a block shown together when a block of lines is the evidence.</summary>
    public int BlockLines { get; init; } = 8;

    /// <summary>Blocks after the best two shown by their lead line.</summary>
    public int OtherBlocks { get; init; } = 2;

    /// <summary>Evidence lines at most, cause and context together.</summary>
    public int MaxEvidence { get; init; } = 20;

    /// <summary>Noise lines shown per benign mode.</summary>
    public int NoisePerMode { get; init; } = 5;
}
