namespace CiDoctor.Cli.Commands;

/// <summary>The options of <c>cidoctor diagnose</c>, bound from the command line.</summary>
public sealed record DiagnoseOptions(
    IReadOnlyList<string> Sources,
    string Format,
    string? Out,
    IReadOnlyList<string> Catalogs,
    string? Ci,
    string? Baseline,
    string? ReportUrl = null,
    string? Db = null)
{
    /// <summary>An environment snapshot (<c>--env</c>) whose facts confirm or question the verdicts.</summary>
    public string? Env { get; init; }

    /// <summary>How to reach a provider when a source is a run URL (<c>--api-url</c>, <c>--provider</c>).</summary>
    public Providers.ProviderOptions Provider { get; init; } = new();
}
