namespace CiDoctor.Cli.Commands;

/// <summary>The options of <c>cidoctor eval</c>, bound from the command line.</summary>
/// <param name="Jobs">Cases diagnosed at once; 0 means one per processor.</param>
/// <param name="Limit">Only the first N cases (in case order); 0 means all.</param>
/// <param name="Min">Gates <c>KEY=VALUE</c>: exit 1 when the figure is missing or below VALUE.</param>
/// <param name="Max">Gates <c>KEY=VALUE</c>: exit 1 when the figure is missing or above VALUE.</param>
public sealed record EvalOptions(
    string Folder,
    string Format,
    string? Out,
    bool NoPass,
    IReadOnlyList<string> Catalogs,
    string Set,
    int Jobs,
    int Limit,
    IReadOnlyList<string> Min,
    IReadOnlyList<string> Max);
