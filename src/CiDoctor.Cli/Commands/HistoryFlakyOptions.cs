namespace CiDoctor.Cli.Commands;

/// <summary>The options of <c>cidoctor history flaky</c>.</summary>
public sealed record HistoryFlakyOptions(string? Db, string? Branch, string? Repository, int Window, string Format, bool Steps);
