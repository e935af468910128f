namespace CiDoctor.Core.Reports.Ci;

/// <summary>What <see cref="GitLabCodeQualityRenderer"/> needs from the CI environment (read by the host).</summary>
public sealed record GitLabCodeQualityOptions
{
    /// <summary>The checkout (<c>$CI_PROJECT_DIR</c>): an entry names a file only when it exists under it.</summary>
    public required string WorkspaceRoot { get; init; }

    /// <summary>
    /// The file an entry names when its evidence names no repository file: the pipeline
    /// configuration (<c>$CI_CONFIG_PATH</c>, default <c>.gitlab-ci.yml</c>), line 1 — the failure
    /// belongs to the pipeline, and GitLab requires a path.
    /// </summary>
    public string FallbackPath { get; init; } = ".gitlab-ci.yml";
}
