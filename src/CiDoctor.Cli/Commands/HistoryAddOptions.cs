namespace CiDoctor.Cli.Commands;

/// <summary>The options of <c>cidoctor history add</c>.</summary>
public sealed record HistoryAddOptions(string Source, string? Db, IReadOnlyList<string> Catalogs, string? Ci)
{
    /// <summary>How to reach a provider when the source is a run URL (<c>--api-url</c>, <c>--provider</c>).</summary>
    public Providers.ProviderOptions Provider { get; init; } = new();
}
