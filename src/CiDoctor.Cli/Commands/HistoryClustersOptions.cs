namespace CiDoctor.Cli.Commands;

/// <summary>The options of <c>cidoctor history clusters</c>.</summary>
public sealed record HistoryClustersOptions(string? Db, string? Branch, string? Since, string Format, bool Candidates, IReadOnlyList<string> Catalog);
