using System.Text.Json;
using CiDoctor.Core.Model;
using CiDoctor.Providers.Http;

namespace CiDoctor.Providers.GitLab;

/// <summary>
/// GitLab CI (gitlab.com and self-managed) through REST API v4: the pipeline (from a pipeline
/// URL, or a job URL's pipeline), its jobs (paginated; stage, duration, <c>failure_reason</c>),
/// job traces, and <c>needs</c> through GraphQL, which the REST job list lacks.
/// </summary>
internal sealed class GitLabFetcher(ApiClient api) : IRunFetcher
{
    private const int PerPage = 100;

    public async Task<FetchedRun> FetchAsync(RunUrl url, string folder, FetchOptions options, CancellationToken cancel)
    {
        string project = Uri.EscapeDataString(url.Repository);
        string? pipelineId = url.RunId;
        if (pipelineId is null)
        {
            using var jobDoc = await api.GetJsonAsync(Api($"projects/{project}/jobs/{url.JobId}"), cancel).ConfigureAwait(false);
            pipelineId = jobDoc.RootElement.Obj("pipeline").Str("id");
        }
        using var pipelineDoc = await api.GetJsonAsync(Api($"projects/{project}/pipelines/{pipelineId}"), cancel).ConfigureAwait(false);
        var pipeline = pipelineDoc.RootElement;
        var jobs = await Jobs(project, pipelineId!, cancel).ConfigureAwait(false);
        if (url.JobId is { } only)
        {
            jobs = [.. jobs.Where(j => j.Str("id") == only)];
        }
        var notes = new List<string>();
        var needs = await Needs(url.Repository, pipeline.Str("iid"), notes, cancel).ConfigureAwait(false);

        var result = new RunJob[jobs.Count];
        await Downloads.RunAsync(Enumerable.Range(0, jobs.Count), options.ParallelDownloads, async (i, token) =>
        {
            result[i] = await Job(project, jobs[i], folder, options, needs, notes, token).ConfigureAwait(false);
        }, cancel).ConfigureAwait(false);

        var info = new RunInfo("gitlab", url.Repository, pipeline.Str("id") ?? pipelineId, pipeline.Str("name") ?? pipeline.Str("source"), pipeline.Str("ref"),
            pipeline.Str("sha"), pipeline.Str("source"), pipeline.Str("started_at") ?? pipeline.Str("created_at"), pipeline.Str("web_url"));
        return new FetchedRun(info, null, result, notes);
    }

    private async Task<List<JsonElement>> Jobs(string project, string pipelineId, CancellationToken cancel)
    {
        var jobs = new List<JsonElement>();
        for (int page = 1; page <= 100; page++)
        {
            string? next = null;
            using var doc = await api.GetJsonAsync(Api($"projects/{project}/pipelines/{pipelineId}/jobs?per_page={PerPage}&page={page}"), cancel,
                headers => next = headers.TryGetValues("X-Next-Page", out var values) ? values.FirstOrDefault() ?? "" : null).ConfigureAwait(false);
            var batch = doc.RootElement.Array().Select(j => j.Clone()).ToList();
            jobs.AddRange(batch);
            // X-Next-Page is empty on the last page; without it, a short page is the last.
            if (batch.Count == 0 || (next is not null ? next.Length == 0 : batch.Count < PerPage))
            {
                break;
            }
        }
        // The API lists newest first; runs read better in the order jobs started.
        return [.. jobs.OrderBy(j => j.Str("id") is { } id && long.TryParse(id, out long n) ? n : long.MaxValue)];
    }

    private async Task<RunJob> Job(string project, JsonElement job, string folder, FetchOptions options, Dictionary<string, List<string>>? needs, List<string> notes, CancellationToken cancel)
    {
        string id = job.Str("id") ?? "";
        string name = job.Str("name") ?? id;
        var status = StatusMap.Of(job.Str("status"));
        string? log = null;
        if (options.AllLogs || status == RunStatus.Failed)
        {
            log = await Downloads.JobLogAsync(api, [Api($"projects/{project}/jobs/{id}/trace")], folder, name, id, notes, cancel).ConfigureAwait(false);
        }
        var annotations = new List<Annotation>();
        // GitLab's own verdict on why a job failed (runner_system_failure, stuck_or_timeout_failure, …).
        if (job.Str("failure_reason") is { Length: > 0 } reason && status == RunStatus.Failed)
        {
            annotations.Add(new Annotation("failure", $"GitLab failure_reason: {reason}"));
        }
        return new RunJob
        {
            Id = id,
            Name = name,
            Status = status,
            StartedAt = job.Str("started_at"),
            CompletedAt = job.Str("finished_at"),
            DurationSeconds = job.Num("duration") is double d ? Math.Round(d, 1) : StatusMap.Seconds(job.Str("started_at"), job.Str("finished_at")),
            RunnerName = job.Obj("runner").Str("description"),
            Log = log,
            Needs = needs is not null && needs.TryGetValue(name, out var n) ? n : [],
            Steps = [new RunStep(job.Str("stage") ?? "script", status, null, job.Str("started_at"), job.Str("finished_at"))],
            Annotations = annotations,
        };
    }

    // REST jobs have no needs; GraphQL does. A failure here only loses cascades, and the report says so.
    private async Task<Dictionary<string, List<string>>?> Needs(string projectPath, string? iid, List<string> notes, CancellationToken cancel)
    {
        if (iid is null)
        {
            notes.Add("needs between jobs could not be known: the pipeline has no iid");
            return null;
        }
        const string Query = "query($path: ID!, $iid: ID!) { project(fullPath: $path) { pipeline(iid: $iid) { jobs { nodes { name needs { nodes { name } } } } } } }";
        string body = JsonSerializer.Serialize(new { query = Query, variables = new { path = projectPath, iid } });
        try
        {
            using var doc = await api.PostJsonAsync(GraphQl(), body, cancel).ConfigureAwait(false);
            var nodes = doc.RootElement.Obj("data").Obj("project").Obj("pipeline").Obj("jobs").Array("nodes").ToList();
            if (nodes.Count == 0)
            {
                notes.Add("needs between jobs could not be known: GraphQL listed no jobs for the pipeline");
                return null;
            }
            return nodes.GroupBy(n => n.Str("name") ?? "", StringComparer.Ordinal).ToDictionary(g => g.Key,
                g => g.First().Obj("needs").Array("nodes").Select(x => x.Str("name")).OfType<string>().ToList(), StringComparer.Ordinal);
        }
        catch (Core.CiDoctorException e)
        {
            notes.Add($"needs between jobs could not be known: GraphQL failed ({e.Message.Split(':')[0]})");
            return null;
        }
    }

    // GraphQL lives beside the REST root: https://host/api/v4/ → https://host/api/graphql.
    private Uri GraphQl()
    {
        string root = api.Provider.ApiBase.AbsoluteUri.TrimEnd('/');
        root = root.EndsWith("/api/v4", StringComparison.Ordinal) ? root[..^"/api/v4".Length] : root;
        return new Uri(root + "/api/graphql");
    }

    private Uri Api(string relative) => new(api.Provider.ApiBase, relative);
}
