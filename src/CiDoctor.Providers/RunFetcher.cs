using CiDoctor.Core;
using CiDoctor.Core.Sources;
using CiDoctor.Providers.Forgejo;
using CiDoctor.Providers.GitHub;
using CiDoctor.Providers.GitLab;
using CiDoctor.Providers.Http;

namespace CiDoctor.Providers;

/// <summary>Where the API is and how to reach it.</summary>
/// <param name="ApiUrl"><c>--api-url</c>: overrides the API base (Enterprise hosts, a test server).</param>
/// <param name="Provider"><c>--provider</c>: settles hosts that could be GitHub Enterprise or Forgejo/Gitea.</param>
/// <param name="GetEnv">Reads token variables; the process environment when null.</param>
/// <param name="Clock">Retry waits and rate-limit resets; the system clock when null.</param>
public sealed record ProviderOptions(string? ApiUrl = null, ProviderKind? Provider = null, Func<string, string?>? GetEnv = null, TimeProvider? Clock = null);

/// <summary>
/// <c>cidoctor fetch URL --out DIR</c> and the first half of <c>diagnose URL</c>: the run saved as
/// a folder — one log per job and a run.json that <c>diagnose</c> and <c>history add</c> read.
/// </summary>
public static class RunFetcher
{
    public static readonly IReadOnlyList<string> GitHubTokens = ["GITHUB_TOKEN", "GH_TOKEN"];
    public static readonly IReadOnlyList<string> GitLabTokens = ["GITLAB_TOKEN", "CI_JOB_TOKEN"];
    public static readonly IReadOnlyList<string> ForgejoTokens = ["FORGEJO_TOKEN", "GITEA_TOKEN"];

    /// <summary>Fetches the run into <paramref name="folder"/> (created if absent; must be empty) and writes run.json.</summary>
    public static async Task<FetchedRun> FetchAsync(string url, string folder, ProviderOptions options, FetchOptions fetch, CancellationToken cancel)
    {
        var run = RunUrl.Parse(url, options.Provider);
        var info = Provider(run, options);
        using var api = new ApiClient(info, options.Clock);
        IRunFetcher fetcher = run.Kind switch
        {
            ProviderKind.GitHub => new GitHubFetcher(api),
            ProviderKind.GitLab => new GitLabFetcher(api),
            _ => new ForgejoFetcher(api),
        };
        var fetched = await fetcher.FetchAsync(run, folder, fetch, cancel).ConfigureAwait(false);
        var runInfo = fetched.Run with { Notes = fetched.Notes };
        RunJsonWriter.Write(Path.Combine(folder, "run.json"), runInfo, fetched.Attempt, fetched.Jobs);
        return fetched with { Run = runInfo };
    }

    /// <summary>The API base and token for a run URL.</summary>
    public static ProviderInfo Provider(RunUrl run, ProviderOptions options)
    {
        var getEnv = options.GetEnv ?? Environment.GetEnvironmentVariable;
        Uri? apiOverride = null;
        if (options.ApiUrl is { } given && (!Uri.TryCreate(given.TrimEnd('/') + "/", UriKind.Absolute, out apiOverride) || apiOverride.Scheme is not ("http" or "https")))
        {
            throw new CiDoctorException($"--api-url {given}: not an http(s) URL; pass the API root, e.g. https://ghe.example.com/api/v3");
        }
        return run.Kind switch
        {
            ProviderKind.GitHub => new ProviderInfo("GitHub", apiOverride ?? GitHubApi(run.Web), null, ProviderInfo.TokenFrom(getEnv, GitHubTokens), GitHubTokens)
            {
                Accept = "application/vnd.github+json",
                ExtraHeaders = [("X-GitHub-Api-Version", "2022-11-28")],
            },
            ProviderKind.GitLab => new ProviderInfo("GitLab", apiOverride ?? new Uri(run.Web, "api/v4/"), null, ProviderInfo.TokenFrom(getEnv, GitLabTokens), GitLabTokens)
            {
                // A CI job token goes in JOB-TOKEN; a personal or project token in PRIVATE-TOKEN.
                TokenHeader = string.IsNullOrWhiteSpace(getEnv("GITLAB_TOKEN")) && !string.IsNullOrWhiteSpace(getEnv("CI_JOB_TOKEN")) ? "JOB-TOKEN" : "PRIVATE-TOKEN",
            },
            _ => new ProviderInfo("Forgejo/Gitea", apiOverride ?? new Uri(run.Web, "api/v1/"), apiOverride is null ? run.Web : WebOf(apiOverride), ProviderInfo.TokenFrom(getEnv, ForgejoTokens), ForgejoTokens)
            {
                TokenScheme = "token",
            },
        };
    }

    // github.com's API is api.github.com; an Enterprise Server's is https://HOST/api/v3.
    private static Uri GitHubApi(Uri web) => web.Host.Equals("github.com", StringComparison.OrdinalIgnoreCase)
        ? new Uri("https://api.github.com/")
        : new Uri(web, "api/v3/");

    // With --api-url https://host/api/v1, the web routes are under https://host/.
    private static Uri WebOf(Uri api)
    {
        string root = api.AbsoluteUri.TrimEnd('/');
        return new Uri((root.EndsWith("/api/v1", StringComparison.Ordinal) ? root[..^"/api/v1".Length] : root) + "/");
    }
}
