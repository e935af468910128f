using CiDoctor.Core;
using CiDoctor.Core.Reports;
using CiDoctor.Core.Reports.Ci;

namespace CiDoctor.Cli.Rendering;

/// <summary>
/// Builds the CI renderers from the runner's environment (see docs/CI.md for the variables and
/// what each forge does with them), as <see cref="CliRenderers.Reports"/> registers them. Core
/// gets plain options and never reads the environment: the variables come from the host, through
/// <see cref="RenderTarget.Env"/>.
/// </summary>
internal static class CiRenderers
{
    public static IReportRenderer GitHub(RenderTarget target)
    {
        var env = target.Env;
        // Forgejo's runner sets both FORGEJO_ACTIONS and GITEA_ACTIONS; Gitea's sets GITEA_ACTIONS only.
        bool forgejo = env("FORGEJO_ACTIONS") == "true";
        string? summary = NonEmpty(env("GITHUB_STEP_SUMMARY"));
        void Notice(string message) => target.Notice?.Invoke(message);
        if (forgejo)
        {
            // The runner gives each step a summary file, but Forgejo never shows it: the log is the only place.
            summary = null;
            Notice("Forgejo Actions does not show step summaries; the Markdown report follows the annotations on stdout");
        }
        else if (summary is null)
        {
            Notice("GITHUB_STEP_SUMMARY is not set; the Markdown report follows the annotations on stdout");
        }
        else
        {
            CheckSummaryPath(summary);
        }
        return new GitHubActionsRenderer(new GitHubActionsOptions
        {
            WorkspaceRoot = NonEmpty(env("GITHUB_WORKSPACE")) ?? Directory.GetCurrentDirectory(),
            SummaryPath = summary,
            ReportUrl = NonEmpty(target.ReportUrl),
            RunUrl = RunUrl(env, forgejo),
            Notice = target.Notice,
        });
    }

    public static IReportRenderer GitLab(RenderTarget target) =>
        new GitLabCodeQualityRenderer(new GitLabCodeQualityOptions
        {
            WorkspaceRoot = NonEmpty(target.Env("CI_PROJECT_DIR")) ?? Directory.GetCurrentDirectory(),
            FallbackPath = NonEmpty(target.Env("CI_CONFIG_PATH")) ?? ".gitlab-ci.yml",
        });

    // Checked before anything is printed, so a bad variable is one line on stderr, exit 2 and no output.
    private static void CheckSummaryPath(string path)
    {
        string full = Path.GetFullPath(path);
        string? folder = Path.GetDirectoryName(full);
        if (Directory.Exists(full))
        {
            throw new CiDoctorException($"GITHUB_STEP_SUMMARY={path} is a folder; it must name the step summary file (the runner sets it), or be unset to print the report");
        }
        if (folder is null || !Directory.Exists(folder))
        {
            throw new CiDoctorException($"GITHUB_STEP_SUMMARY={path}: the folder {folder} does not exist; run inside an Actions step (the runner sets it) or unset it to print the report");
        }
    }

    // GitHub and Gitea (1.26+) link a run by its id; Forgejo by its number in the repository.
    private static string? RunUrl(Func<string, string?> env, bool forgejo)
    {
        string? server = NonEmpty(env("GITHUB_SERVER_URL"));
        string? repository = NonEmpty(env("GITHUB_REPOSITORY"));
        string? run = NonEmpty(env(forgejo ? "GITHUB_RUN_NUMBER" : "GITHUB_RUN_ID"));
        return server is null || repository is null || run is null ? null : $"{server.TrimEnd('/')}/{repository}/actions/runs/{run}";
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
