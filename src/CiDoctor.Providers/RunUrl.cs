using System.Text.RegularExpressions;
using CiDoctor.Core;

namespace CiDoctor.Providers;

/// <summary>Which CI system a run URL belongs to.</summary>
public enum ProviderKind { GitHub, GitLab, Forgejo }

/// <summary>
/// A run (or one job of it) named by the URL a user copies from the browser.
/// </summary>
/// <param name="Repository">owner/name (GitHub, Forgejo) or the project's full path (GitLab).</param>
/// <param name="RunId">The run id (GitHub), pipeline id (GitLab), or the run's number as shown in the URL (Forgejo).</param>
/// <param name="JobId">A job of the run when the URL names one (its id; for Forgejo its 0-based index).</param>
public sealed partial record RunUrl(ProviderKind Kind, Uri Web, string Repository, string? RunId, string? JobId, int? Attempt)
{
    /// <summary>True for the URLs <see cref="Parse"/> accepts, so that callers can tell URLs from paths.</summary>
    public static bool LooksLikeUrl(string text) =>
        text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Parses a run URL. <paramref name="forced"/> (<c>--provider</c>) settles hosts that could be
    /// GitHub Enterprise or Forgejo/Gitea (both use <c>/OWNER/REPO/actions/runs/N</c>).
    /// </summary>
    public static RunUrl Parse(string url, ProviderKind? forced = null)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new CiDoctorException($"{url}: not a run URL; pass e.g. https://github.com/OWNER/REPO/actions/runs/ID");
        }
        var web = new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
        string path = Uri.UnescapeDataString(uri.AbsolutePath).TrimEnd('/');
        var gitlab = GitLabPath().Match(path);
        if (gitlab.Success && forced is null or ProviderKind.GitLab)
        {
            bool isJob = gitlab.Groups["what"].Value == "jobs";
            return new RunUrl(ProviderKind.GitLab, web, gitlab.Groups["project"].Value, isJob ? null : gitlab.Groups["id"].Value, isJob ? gitlab.Groups["id"].Value : null, null);
        }
        var actions = ActionsPath().Match(path);
        if (actions.Success)
        {
            var kind = forced ?? (uri.Host.Equals("github.com", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".ghe.com", StringComparison.OrdinalIgnoreCase)
                ? ProviderKind.GitHub : ProviderKind.Forgejo);
            string? job = actions.Groups["job"].Success ? actions.Groups["job"].Value : null;
            int? attempt = actions.Groups["attempt"].Success ? int.Parse(actions.Groups["attempt"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
            return new RunUrl(kind, web, $"{actions.Groups["owner"].Value}/{actions.Groups["repo"].Value}", actions.Groups["run"].Value, job, attempt);
        }
        throw new CiDoctorException($"{url}: not a run URL this cidoctor knows; pass a GitHub or Forgejo/Gitea run (…/OWNER/REPO/actions/runs/ID) or a GitLab pipeline or job (…/GROUP/PROJECT/-/pipelines/ID, …/-/jobs/ID)");
    }

    [GeneratedRegex(@"^/(?<project>.+?)/-/(?<what>pipelines|jobs)/(?<id>\d+)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex GitLabPath();

    // GitHub: /job/ID and /attempts/N; Forgejo/Gitea: /jobs/INDEX and /attempt/N.
    [GeneratedRegex(@"^/(?<owner>[^/]+)/(?<repo>[^/]+)/actions/runs/(?<run>\d+)(?:/attempts?/(?<attempt>\d+))?(?:/jobs?/(?<job>\d+))?(?:/attempts?/(?<attempt>\d+))?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ActionsPath();
}
