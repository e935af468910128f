using System.Globalization;
using System.Text.Json;
using CiDoctor.Core.Model;
using CiDoctor.Providers.Http;

namespace CiDoctor.Providers.GitHub;

/// <summary>
/// GitHub Actions (and GitHub Enterprise Server) through the REST API: the run (or one attempt),
/// its jobs with steps (paginated), each job's log (the logs endpoint answers with a redirect to
/// the log itself), check-run annotations of failed jobs, and <c>needs</c> from the workflow file
/// at the run's commit.
/// </summary>
internal sealed class GitHubFetcher(ApiClient api) : IRunFetcher
{
    private const int PerPage = 100;

    public async Task<FetchedRun> FetchAsync(RunUrl url, string folder, FetchOptions options, CancellationToken cancel)
    {
        string repo = url.Repository;
        string runPath = $"repos/{repo}/actions/runs/{url.RunId}" + (url.Attempt is int a ? $"/attempts/{a}" : "");
        using var runDoc = await api.GetJsonAsync(Api(runPath), cancel).ConfigureAwait(false);
        var run = runDoc.RootElement;
        var jobs = await Jobs(runPath, cancel).ConfigureAwait(false);
        if (url.JobId is { } only)
        {
            jobs = [.. jobs.Where(j => j.Str("id") == only)];
        }
        var notes = new List<string>();
        var needs = await Needs(repo, run, jobs.Select(j => j.Str("name") ?? "").ToList(), notes, cancel).ConfigureAwait(false);

        var result = new RunJob[jobs.Count];
        await Downloads.RunAsync(Enumerable.Range(0, jobs.Count), options.ParallelDownloads, async (i, token) =>
        {
            result[i] = await Job(repo, jobs[i], folder, options, needs, notes, token).ConfigureAwait(false);
        }, cancel).ConfigureAwait(false);

        var info = new RunInfo("github", repo, run.Str("id") ?? url.RunId, run.Str("name"), run.Str("head_branch"), run.Str("head_sha"),
            run.Str("event"), run.Str("run_started_at") ?? run.Str("created_at"), run.Str("html_url"));
        int? attempt = int.TryParse(run.Str("run_attempt"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : url.Attempt;
        return new FetchedRun(info, attempt, result, notes);
    }

    private async Task<List<JsonElement>> Jobs(string runPath, CancellationToken cancel)
    {
        var jobs = new List<JsonElement>();
        for (int page = 1; page <= 100; page++)
        {
            using var doc = await api.GetJsonAsync(Api($"{runPath}/jobs?per_page={PerPage}&page={page}"), cancel).ConfigureAwait(false);
            var batch = doc.RootElement.Array("jobs").Select(j => j.Clone()).ToList();
            jobs.AddRange(batch);
            // total_count says when to stop; a server may also cap per_page below what was asked.
            int total = int.TryParse(doc.RootElement.Str("total_count"), out int t) ? t : -1;
            if (batch.Count == 0 || (total >= 0 ? jobs.Count >= total : batch.Count < PerPage))
            {
                break;
            }
        }
        return jobs;
    }

    private async Task<RunJob> Job(string repo, JsonElement job, string folder, FetchOptions options, Dictionary<string, List<string>>? needs, List<string> notes, CancellationToken cancel)
    {
        string id = job.Str("id") ?? "";
        string name = job.Str("name") ?? id;
        var status = StatusMap.Of(job.Str("conclusion"), job.Str("status") == "completed" ? null : "unknown");
        string? log = null;
        var annotations = new List<Annotation>();
        if (options.AllLogs || status == RunStatus.Failed)
        {
            log = await Downloads.JobLogAsync(api, [Api($"repos/{repo}/actions/jobs/{id}/logs")], folder, name, id, notes, cancel).ConfigureAwait(false);
        }
        if (status == RunStatus.Failed)
        {
            annotations.AddRange(await Annotations(repo, id, cancel).ConfigureAwait(false));
        }
        var steps = job.Array("steps").Select(s => new RunStep(s.Str("name") ?? "", StatusMap.Of(s.Str("conclusion"), s.Str("status") == "completed" ? null : "unknown"), null,
            s.Str("started_at"), s.Str("completed_at"))).ToArray();
        return new RunJob
        {
            Id = id,
            Name = name,
            Status = status,
            StartedAt = job.Str("started_at"),
            CompletedAt = job.Str("completed_at"),
            DurationSeconds = StatusMap.Seconds(job.Str("started_at"), job.Str("completed_at")),
            RunnerName = job.Str("runner_name"),
            Log = log,
            Needs = needs is not null && needs.TryGetValue(name, out var n) ? n : [],
            Steps = steps,
            Annotations = annotations,
        };
    }

    // The job id is the check-run id: its annotations are the runner's own messages (seed 000's only evidence).
    private async Task<IEnumerable<Annotation>> Annotations(string repo, string id, CancellationToken cancel)
    {
        using var doc = await api.GetJsonAsync(Api($"repos/{repo}/check-runs/{id}/annotations?per_page=100"), cancel).ConfigureAwait(false);
        return [.. doc.RootElement.Array().Select(a => new Annotation(a.Str("annotation_level") ?? "notice",
            string.Join(": ", new[] { a.Str("title"), a.Str("message") }.Where(t => !string.IsNullOrWhiteSpace(t)))))];
    }

    private async Task<Dictionary<string, List<string>>?> Needs(string repo, JsonElement run, List<string> jobNames, List<string> notes, CancellationToken cancel)
    {
        string? path = run.Str("path");
        string? sha = run.Str("head_sha");
        if (path is null || sha is null)
        {
            notes.Add("needs between jobs could not be known: the run names no workflow file");
            return null;
        }
        // "path" can carry a ref suffix ("…/ci.yml@refs/heads/main") for reusable workflows.
        path = path.Split('@')[0];
        try
        {
            using var doc = await api.GetJsonAsync(Api($"repos/{repo}/contents/{path}?ref={sha}"), cancel).ConfigureAwait(false);
            var map = WorkflowNeeds.FromContents(doc.RootElement, jobNames);
            if (map is null)
            {
                notes.Add($"needs between jobs could not be known: {path} could not be read as a workflow");
            }
            return map;
        }
        catch (Core.CiDoctorException e)
        {
            notes.Add($"needs between jobs could not be known: {path} at {sha[..Math.Min(7, sha.Length)]} was not readable ({e.Message.Split(':')[0]})");
            return null;
        }
    }

    private Uri Api(string relative) => new(api.Provider.ApiBase, relative);
}
