namespace CiDoctor.History.Records;

/// <summary>Which stored failures <see cref="IRunStore.Failures"/> lists; every filter is optional.</summary>
/// <param name="Branch">Null: every branch.</param>
/// <param name="Repository">Null: every repository.</param>
/// <param name="Since">Only runs ordered at or after this time; null: all.</param>
public sealed record FailureFilter(string? Branch = null, string? Repository = null, DateTimeOffset? Since = null);
