namespace CiDoctor.History.Clustering;

/// <summary>Where and when a failure text was seen; every field is optional.</summary>
/// <param name="SeenAt">When (the run's or job's start); orders clusters' first and last seen, and elects representatives.</param>
/// <param name="Job">The job's name (<c>workflow / job</c> or as the store keys it).</param>
public sealed record FailureMetadata(DateTimeOffset? SeenAt = null, string? Job = null);
