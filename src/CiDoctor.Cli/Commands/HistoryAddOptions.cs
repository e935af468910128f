namespace CiDoctor.Cli.Commands;

/// <summary>The options of <c>cidoctor history add</c>.</summary>
public sealed record HistoryAddOptions(string Source, string? Db, IReadOnlyList<string> Catalogs, string? Ci);
