namespace CiDoctor.History.Flaky;

/// <summary>One line of <c>history flaky</c>: a job (Test and Step null), a step of it, or a test of it.</summary>
public sealed record FlakyEntry(string Repository, string Workflow, string Job, string? Step, string? Test, Classification Classification);
