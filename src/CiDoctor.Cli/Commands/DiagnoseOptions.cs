namespace CiDoctor.Cli.Commands;

/// <summary>The options of <c>cidoctor diagnose</c>, bound from the command line.</summary>
public sealed record DiagnoseOptions(
    IReadOnlyList<string> Sources,
    string Format,
    string? Out,
    IReadOnlyList<string> Catalogs,
    string? Ci,
    string? Baseline,
    string? Db = null);
