using System.CommandLine;
using CiDoctor.Providers;

namespace CiDoctor.Cli.Commands;

/// <summary><c>cidoctor fetch URL --out DIR</c>: a run saved as a folder (run.json and one log per job).</summary>
public static class FetchCommand
{
    public static Command Build(CliContext context)
    {
        var url = new Argument<string>("URL") { Description = "A run URL: GitHub Actions or Forgejo/Gitea (…/OWNER/REPO/actions/runs/ID), or a GitLab pipeline or job (…/-/pipelines/ID, …/-/jobs/ID)." };
        var output = new Option<string>("--out", "-o") { Description = "The folder to create (it must not exist or be empty).", HelpName = "DIR", Required = true };
        var (apiUrl, provider) = ProviderOptionsOf();
        var failedOnly = new Option<bool>("--failed-only") { Description = "Download only the logs of failed jobs." };
        var command = new Command("fetch", "Save a CI run as a folder: run.json (jobs, steps, needs, annotations) and the jobs' logs, for diagnose and history add. Tokens: GITHUB_TOKEN/GH_TOKEN, GITLAB_TOKEN/CI_JOB_TOKEN, FORGEJO_TOKEN/GITEA_TOKEN.")
        {
            url, output, apiUrl, provider, failedOnly,
        };
        command.SetAction(parse =>
        {
            string folder = parse.GetValue(output)!;
            var fetched = RunFolder.Fetch(parse.GetValue(url)!, folder, Options(parse.GetValue(apiUrl), parse.GetValue(provider), context.Env), new FetchOptions(AllLogs: !parse.GetValue(failedOnly)));
            int logs = fetched.Jobs.Count(j => j.Log is not null);
            context.Out.WriteLine($"{folder}: {fetched.Jobs.Count} job(s), {logs} log(s), run.json");
            foreach (string note in fetched.Notes)
            {
                context.Error.WriteLine($"cidoctor: note: {note}");
            }
            return ExitCodes.Done;
        });
        return command;
    }

    /// <summary><c>--api-url</c> and <c>--provider</c>, shared with diagnose.</summary>
    internal static (Option<string?> ApiUrl, Option<string?> Provider) ProviderOptionsOf()
    {
        var apiUrl = new Option<string?>("--api-url") { Description = "The provider's API root, for Enterprise or self-hosted servers (or a test server).", HelpName = "URL" };
        var provider = new Option<string?>("--provider") { Description = "github, gitlab or forgejo, when the URL's host does not say (GitHub Enterprise vs Forgejo/Gitea).", HelpName = "NAME" };
        provider.AcceptOnlyFromAmong("github", "gitlab", "forgejo", "gitea");
        return (apiUrl, provider);
    }

    internal static ProviderOptions Options(string? apiUrl, string? provider, Func<string, string?> env) => new(apiUrl, provider switch
    {
        "github" => ProviderKind.GitHub,
        "gitlab" => ProviderKind.GitLab,
        "forgejo" or "gitea" => ProviderKind.Forgejo,
        _ => null,
    }, env);
}
