namespace CiDoctor.Cli.Commands;

/// <summary>The options of <c>cidoctor catalog suggest</c>.</summary>
public sealed record CatalogSuggestOptions(string? Db, string? Out, string? Branch, string? Since, IReadOnlyList<string> Catalog);
