namespace CiDoctor.Core.Reports.Ci;

/// <summary>
/// What <see cref="GitHubActionsRenderer"/> needs from the CI environment. The host reads the
/// environment (<c>GITHUB_STEP_SUMMARY</c>, <c>GITHUB_WORKSPACE</c>, …) and passes it here, so
/// Core never reads environment variables and tests can point everything at a temp folder.
/// </summary>
public sealed record GitHubActionsOptions
{
    /// <summary>The checkout: annotations name files only when they exist under it.</summary>
    public required string WorkspaceRoot { get; init; }

    /// <summary>
    /// The step summary file to append the Markdown report to; null when the runner has none
    /// (Forgejo shows no summary), and the Markdown then follows the annotations in the log.
    /// </summary>
    public string? SummaryPath { get; init; }

    /// <summary>Where the full report is (<c>--report-url</c>), named in the note of a cut summary.</summary>
    public string? ReportUrl { get; init; }

    /// <summary>The page of the current run, where uploaded artifacts are listed; the report's own run URL when null.</summary>
    public string? RunUrl { get; init; }

    /// <summary>The per-step limit of the summary file (GitHub: 1 MiB).</summary>
    public long SummaryLimitBytes { get; init; } = StepSummary.GitHubLimitBytes;

    /// <summary>
    /// Room left unused below the limit: other commands of the same step may append after us, and
    /// the limit is the runner's, not a contract we can test against.
    /// </summary>
    public long SummaryMarginBytes { get; init; } = 16 * 1024;

    /// <summary>One-line notes for the user (the host prints them to stderr).</summary>
    public Action<string>? Notice { get; init; }
}
