using System.Text.RegularExpressions;

namespace CiDoctor.Core.Diagnosis;

/// <summary>
/// The phase of a step, from its name: the CI systems' own step names first (they are fixed and
/// mean one thing), then the words people use in their own step names. The first rule that
/// matches wins, so the CI systems' names come before the looser words.
/// <code>
/// "prepare_executor"          → Runner      "Run actions/checkout@v4" → Checkout
/// "upload_artifacts_on_failure" → Upload    "Run npm test"            → Test
/// </code>
/// </summary>
internal static class JobPhases
{
    // Step names are short; non-backtracking matching keeps even a long one linear.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private sealed record Rule(JobPhase Phase, Regex Name);

    private static readonly Rule[] Rules =
    [
        // GitLab's stages around the script: the runner's work, never the job's.
        new(JobPhase.Runner, Exact("prepare_executor|prepare_script|resolve_secrets")),
        new(JobPhase.Checkout, Exact("get_sources|clear_worktree|restore_cache|download_artifacts")),
        new(JobPhase.Script, Exact("step_script|build_script|script|after_script_on_failure")),
        new(JobPhase.Upload, Exact("archive_cache|archive_cache_on_failure|upload_artifacts_on_success|upload_artifacts_on_failure")),
        new(JobPhase.Cleanup, Exact("cleanup_file_variables|after_script")),
        // GitLab's job page headers, GitHub's and Forgejo's synthetic steps, Azure's, CircleCI's
        // and Buildkite's set-up steps: the CI system preparing the machine or container.
        new(JobPhase.Runner, Words(@"^(?:Preparing (?:the ""[^""]+"" executor|environment)|Set up job|Initiali[sz]e (?:job|containers)|Spin up (?:environment|container environment)|Preparing working directory|Starting agent|Container Setup|Setting up (?:the )?build environment)\b")),
        new(JobPhase.Cleanup, Words(@"^(?:Post job cleanup|Complete job|Post |Cleaning up|after_failure|after_success|Finalize Job)")),
        new(JobPhase.Checkout, Words(@"^(?:Getting source from Git repository|(?:Run )?actions/checkout@|Checkout(?: code| SCM)?\b|Declarative: Checkout SCM|clone\b|git[ .]?(?:clone|checkout|fetch)\b)")),
        new(JobPhase.Upload, Words(@"^(?:Uploading artifacts|Saving cache|(?:Run )?actions/(?:upload-artifact|cache/save)@|store_artifacts|store_test_results|save_cache)\b")),
        // The job's own steps: what their names say they do.
        new(JobPhase.Dependencies, Words(@"(?:^|\b)(?:(?:Run )?actions/setup-\S+|Set up (?:Python|Node|Go|Java|JDK|Ruby|\.NET|Rust|Docker Buildx|QEMU)|before_install|install|restore|npm ci|bundle|dependencies|deps|pip|poetry|yarn(?: install)?$|cache)\b")),
        new(JobPhase.Deploy, Words(@"\b(?:deploy\w*|publish\w*|release\w*|push|upload)\b")),
        new(JobPhase.Test, Words(@"\b(?:tests?|testing|pytest|jest|mocha|rspec|spec|ctest|check|e2e|integration)\b")),
        new(JobPhase.Build, Words(@"\b(?:build\w*|compile\w*|make|cmake|cargo|mvn|gradle|msbuild|bazel|nix-build|nix build|building)\b")),
        new(JobPhase.Script, Words(@"^(?:Run |Execute (?:shell|Windows batch command)|sh\b|bat\b|powershell\b|\$ )")),
    ];

    /// <summary>The phase of the step named <paramref name="stepName"/>; <see cref="JobPhase.Unknown"/> when the name says nothing.</summary>
    public static JobPhase Of(string? stepName)
    {
        if (string.IsNullOrWhiteSpace(stepName))
        {
            return JobPhase.Unknown;
        }
        string name = stepName.Trim();
        foreach (var rule in Rules)
        {
            if (rule.Name.IsMatch(name))
            {
                return rule.Phase;
            }
        }
        return JobPhase.Unknown;
    }

    /// <summary>What the job was doing in a phase, for explanations ("while preparing the runner").</summary>
    public static string? Doing(JobPhase phase) => phase switch
    {
        JobPhase.Runner => "while preparing the runner, before the job's script ran",
        JobPhase.Checkout => "while fetching the sources (or the caches and artifacts the job starts from)",
        JobPhase.Dependencies => "while installing tools or dependencies",
        JobPhase.Build => "while building",
        JobPhase.Test => "while running tests",
        JobPhase.Deploy => "while deploying or publishing",
        JobPhase.Script => "in the job's script",
        JobPhase.Upload => "while uploading artifacts or caches, after the script",
        JobPhase.Cleanup => "while cleaning up after the job",
        _ => null,
    };

    private static Regex Exact(string names) =>
        new($"^(?:{names})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking, Timeout);

    private static Regex Words(string pattern) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking, Timeout);
}
