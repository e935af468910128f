namespace CiDoctor.Cli.Commands;

/// <summary>The options of <c>cidoctor diff</c>, bound from the command line.</summary>
public sealed record DiffOptions(string PassLog, string FailLog, string Format, string? Ci, string? Out);
