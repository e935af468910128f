using System.Globalization;
using System.Text.Json;
using CiDoctor.Core.Model;
using CiDoctor.Providers.Http;

namespace CiDoctor.Providers.Forgejo;

/// <summary>
/// Forgejo and Gitea Actions through their API (v1), across versions that differ:
/// <list type="bullet">
/// <item>the number in a run URL is the run's number in the repository (<c>index_in_repo</c>, or
/// <c>run_number</c> on Gitea), not its API id: the run list is searched for it;</item>
/// <item>jobs come from <c>/actions/runs/{id}/jobs</c> where it exists, else from the task list
/// (<c>/actions/tasks</c>, one task per job attempt) filtered by run number;</item>
/// <item>job logs arrived late in the API (<c>/actions/jobs/{id}/logs</c>); without it, the web
/// route <c>/{owner}/{repo}/actions/runs/{number}/jobs/{index}/attempt/{attempt}/logs</c> serves
/// the plain log.</item>
/// </list>
/// docs/PROVIDERS.md lists the endpoints and what each fallback loses.
/// </summary>
internal sealed class ForgejoFetcher(ApiClient api) : IRunFetcher
{
    private const int PerPage = 50;
    private const int MaxRunPages = 20;

    public async Task<FetchedRun> FetchAsync(RunUrl url, string folder, FetchOptions options, CancellationToken cancel)
    {
        string repo = url.Repository;
        string number = url.RunId!;
        var run = await FindRun(repo, number, cancel).ConfigureAwait(false);
        string runId = run.Str("id")!;
        var notes = new List<string>();
        var jobs = await Jobs(repo, runId, number, notes, cancel).ConfigureAwait(false);
        if (url.JobId is { } index && int.TryParse(index, out int only))
        {
            jobs = [.. jobs.Where(j => j.Index == only)];
        }
        var needs = await Needs(repo, run, jobs.Select(j => j.Name).ToList(), notes, cancel).ConfigureAwait(false);

        var result = new RunJob[jobs.Count];
        await Downloads.RunAsync(Enumerable.Range(0, jobs.Count), options.ParallelDownloads, async (i, token) =>
        {
            result[i] = await Job(repo, number, jobs[i], folder, options, needs, notes, token).ConfigureAwait(false);
        }, cancel).ConfigureAwait(false);

        string? branch = run.Str("head_branch") ?? run.Str("prettyref");
        var info = new RunInfo("forgejo", repo, runId, run.Str("workflow_id") ?? run.Str("name"), branch, run.Str("head_sha") ?? run.Str("commit_sha"),
            run.Str("event"), run.Str("started") ?? run.Str("run_started_at") ?? run.Str("created") ?? run.Str("created_at"), run.Str("html_url"));
        return new FetchedRun(info, url.Attempt, result, notes);
    }

    private async Task<JsonElement> FindRun(string repo, string number, CancellationToken cancel)
    {
        for (int page = 1; page <= MaxRunPages; page++)
        {
            using var doc = await api.GetJsonAsync(Api($"repos/{repo}/actions/runs?page={page}&limit={PerPage}"), cancel).ConfigureAwait(false);
            var runs = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement.Array().ToList() : doc.RootElement.Array("workflow_runs").ToList();
            var match = runs.FirstOrDefault(r => (r.Str("index_in_repo") ?? r.Str("run_number")) == number);
            if (match.ValueKind == JsonValueKind.Object)
            {
                return match.Clone();
            }
            if (runs.Count < PerPage)
            {
                break;
            }
        }
        throw new Core.CiDoctorException($"{api.Provider.Name}: run number {number} of {repo} is not among its last {MaxRunPages * PerPage} runs; check the URL");
    }

    private sealed record ForgejoJob(int Index, string? Id, string Name, RunStatus Status, string? Started, string? Stopped, string? Runner, int Attempt, IReadOnlyList<RunStep> Steps);

    private async Task<List<ForgejoJob>> Jobs(string repo, string runId, string number, List<string> notes, CancellationToken cancel)
    {
        using (var doc = await api.TryGetJsonAsync(Api($"repos/{repo}/actions/runs/{runId}/jobs?limit={PerPage}"), cancel).ConfigureAwait(false))
        {
            if (doc is not null)
            {
                var list = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement.Array() : doc.RootElement.Array("jobs");
                return [.. list.Select((j, i) => new ForgejoJob(i, j.Str("id"), j.Str("name") ?? $"job {i}", StatusMap.Of(j.Str("conclusion"), j.Str("status")),
                    j.Str("started_at"), j.Str("completed_at"), j.Str("runner_name"), int.TryParse(j.Str("run_attempt") ?? j.Str("attempt"), out int a) ? a : 1,
                    [.. j.Array("steps").Select(s => new RunStep(s.Str("name") ?? "", StatusMap.Of(s.Str("conclusion"), s.Str("status")), null, s.Str("started_at"), s.Str("completed_at")))]))];
            }
        }
        // Older versions: the task list, one task per job (newest attempt first).
        notes.Add("this server has no jobs endpoint for runs: jobs were read from its task list, without steps");
        using var tasks = await api.GetJsonAsync(Api($"repos/{repo}/actions/tasks?limit={PerPage}"), cancel).ConfigureAwait(false);
        var ofRun = tasks.RootElement.Array("workflow_runs").Where(t => t.Str("run_number") == number).Reverse().ToList();
        return [.. ofRun.Select((t, i) => new ForgejoJob(i, t.Str("id"), t.Str("name") ?? $"job {i}", StatusMap.Of(t.Str("status")),
            t.Str("run_started_at") ?? t.Str("created_at"), t.Str("updated_at"), null, 1, []))];
    }

    private async Task<RunJob> Job(string repo, string number, ForgejoJob job, string folder, FetchOptions options, Dictionary<string, List<string>>? needs, List<string> notes, CancellationToken cancel)
    {
        string? log = null;
        if (options.AllLogs || job.Status == RunStatus.Failed)
        {
            log = await Downloads.JobLogAsync(api, LogUrls(repo, number, job), folder, job.Name, job.Id ?? job.Index.ToString(CultureInfo.InvariantCulture), notes, cancel).ConfigureAwait(false);
        }
        return new RunJob
        {
            Id = job.Id,
            Name = job.Name,
            Status = job.Status,
            StartedAt = job.Started,
            CompletedAt = job.Stopped,
            DurationSeconds = StatusMap.Seconds(job.Started, job.Stopped),
            RunnerName = job.Runner,
            Log = log,
            Needs = needs is not null && needs.TryGetValue(job.Name, out var n) ? n : [],
            Steps = job.Steps,
        };
    }

    // The API's job-log endpoint where the version has it, else the web route that serves the plain log.
    private List<Uri> LogUrls(string repo, string number, ForgejoJob job)
    {
        var candidates = new List<Uri>();
        if (job.Id is not null)
        {
            candidates.Add(Api($"repos/{repo}/actions/jobs/{job.Id}/logs"));
        }
        if (api.Provider.WebBase is { } web)
        {
            candidates.Add(new Uri(web, $"{repo}/actions/runs/{number}/jobs/{job.Index}/attempt/{job.Attempt}/logs"));
        }
        return candidates;
    }

    // Workflows live in .forgejo/workflows, .gitea/workflows or .github/workflows; workflow_id is the file name.
    private async Task<Dictionary<string, List<string>>?> Needs(string repo, JsonElement run, List<string> jobNames, List<string> notes, CancellationToken cancel)
    {
        string? file = run.Str("workflow_id");
        string? sha = run.Str("commit_sha") ?? run.Str("head_sha");
        if (file is null || sha is null)
        {
            notes.Add("needs between jobs could not be known: the run names no workflow file");
            return null;
        }
        foreach (string dir in new[] { ".forgejo/workflows", ".gitea/workflows", ".github/workflows" })
        {
            using var doc = await api.TryGetJsonAsync(Api($"repos/{repo}/contents/{dir}/{file}?ref={sha}"), cancel).ConfigureAwait(false);
            if (doc is not null && WorkflowNeeds.FromContents(doc.RootElement, jobNames) is { } map)
            {
                return map;
            }
        }
        notes.Add($"needs between jobs could not be known: workflow {file} was not found at {sha[..Math.Min(7, sha.Length)]}");
        return null;
    }

    private Uri Api(string relative) => new(api.Provider.ApiBase, relative);
}
