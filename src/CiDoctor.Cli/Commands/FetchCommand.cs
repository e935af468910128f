using System.CommandLine;
using CiDoctor.Core;
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
            var fetched = Fetch(parse.GetValue(url)!, folder, Options(parse.GetValue(apiUrl), parse.GetValue(provider), context.Env), new FetchOptions(AllLogs: !parse.GetValue(failedOnly)));
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

    /// <summary>
    /// Fetches into <paramref name="folder"/>, which must not exist or be empty (DESIGN.md: fetch
    /// refuses a non-empty folder); on failure what was created is removed, nothing else touched.
    /// </summary>
    internal static FetchedRun Fetch(string url, string folder, ProviderOptions options, FetchOptions fetch)
    {
        bool existed = Directory.Exists(folder);
        if (existed && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new CiDoctorException($"--out {folder}: the folder is not empty; name a new or empty folder");
        }
        if (File.Exists(folder))
        {
            throw new CiDoctorException($"--out {folder}: is a file; name a folder");
        }
        Directory.CreateDirectory(folder);
        try
        {
            return RunFetcher.FetchAsync(url, folder, options, fetch, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch
        {
            Clean(folder, existed);
            throw;
        }
    }

    private static void Clean(string folder, bool keepFolder)
    {
        try
        {
            foreach (string entry in Directory.EnumerateFileSystemEntries(folder))
            {
                if (Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }
            }
            if (!keepFolder)
            {
                Directory.Delete(folder);
            }
        }
        catch (IOException)
        {
            // Best effort: the error being reported matters more than a leftover partial download.
        }
    }
}
