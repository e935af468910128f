namespace CiDoctor.History.Records;

/// <summary>A job's diagnosis as re-scan rewrites it.</summary>
public sealed record StoredDiagnosis(string Origin, string? RootCauseId, string? FirstCauseLine, string? Signature, string? FailedStep);
