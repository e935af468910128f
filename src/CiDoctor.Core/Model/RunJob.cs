namespace CiDoctor.Core.Model;

/// <summary>What a run.json (or a provider) says about one job, beyond its log.</summary>
public sealed record RunJob
{
    public string? Id { get; init; }
    public required string Name { get; init; }
    public RunStatus Status { get; init; } = RunStatus.Unknown;
    public string? StartedAt { get; init; }
    public string? CompletedAt { get; init; }
    public double? DurationSeconds { get; init; }
    public string? RunnerName { get; init; }
    public string? Log { get; init; }
    public IReadOnlyList<string> Junit { get; init; } = [];
    public IReadOnlyList<string> Needs { get; init; } = [];
    public IReadOnlyList<RunStep> Steps { get; init; } = [];
    public IReadOnlyList<Annotation> Annotations { get; init; } = [];
}

/// <summary>A step as run.json describes it.</summary>
public sealed record RunStep(string Name, RunStatus Status, int? ExitCode, string? StartedAt, string? CompletedAt);

/// <summary>A check-run annotation (the only evidence some jobs have).</summary>
public sealed record Annotation(string Level, string Message);
