namespace CiDoctor.Testing.Providers;

/// <summary>
/// A Forgejo Actions run as its API v1 answers (run list with <c>index_in_repo</c>, jobs of a run)
/// on a version whose API has no job-log endpoint, so the log comes from the web route
/// <c>/{owner}/{repo}/actions/runs/{number}/jobs/{index}/attempt/{attempt}/logs</c>. The URL's
/// run number (7) is not the run's API id (3187).
/// </summary>
public static class ForgejoApi
{
    public const string Token = "forgejo-test-token-0123456789abcdef";

    public const string RecipeLog = """
        2026-01-22T20:31:05.0000000Z ::group::Run just build-recipes
        2026-01-22T20:31:05.1000000Z just build-recipes
        2026-01-22T20:31:06.0000000Z Fetching LFS objects
        2026-01-22T20:31:06.5000000Z git: 'lfs' is not a git command. See 'git --help'.
        2026-01-22T20:31:06.6000000Z ::error::Process completed with exit code 1.
        """;

    public static FakeApi Serve(FakeApi api)
    {
        api.On("GET", "/api/v1/repos/o/r/actions/runs", request => new FakeApi.Reply(200, request.QueryString["page"] == "1" ? """
            {"total_count": 2, "workflow_runs": [
              {"id": 3188, "index_in_repo": 8, "title": "docs", "status": "success", "workflow_id": "ci.yml", "event": "push", "commit_sha": "feedbeef", "prettyref": "main", "html_url": "https://codeberg.example/o/r/actions/runs/8", "created": "2026-01-22T21:00:00Z"},
              {"id": 3187, "index_in_repo": 7, "title": "recipes", "status": "failure", "workflow_id": "ci.yml", "event": "push", "commit_sha": "cef98f520d4b7a13e6f09c2a58e1d7b3f46a9c05", "prettyref": "main", "html_url": "https://codeberg.example/o/r/actions/runs/7", "created": "2026-01-22T20:31:00Z", "started": "2026-01-22T20:31:02Z"}
            ]}
            """ : """{"total_count": 2, "workflow_runs": []}"""));
        api.Json("/api/v1/repos/o/r/actions/runs/3187/jobs", """
            {"total_count": 2, "jobs": [
              {"id": 9001, "run_id": 3187, "name": "fmt", "status": "completed", "conclusion": "success", "started_at": "2026-01-22T20:31:03Z", "completed_at": "2026-01-22T20:31:04Z", "runner_name": "runner-1", "steps": []},
              {"id": 9002, "run_id": 3187, "name": "recipe-ci", "status": "completed", "conclusion": "failure", "started_at": "2026-01-22T20:31:04Z", "completed_at": "2026-01-22T20:31:07Z", "runner_name": "runner-1",
               "steps": [{"name": "Run just build-recipes", "status": "completed", "conclusion": "failure", "number": 1, "started_at": "2026-01-22T20:31:05Z", "completed_at": "2026-01-22T20:31:07Z"}]}
            ]}
            """);
        // No /actions/jobs/{id}/logs on this version: the web route serves the log by run number and job index.
        api.On("GET", "/o/r/actions/runs/7/jobs/0/attempt/1/logs", _ => new FakeApi.Reply(200, "2026-01-22T20:31:03.0000000Z ok\n", "text/plain"));
        api.On("GET", "/o/r/actions/runs/7/jobs/1/attempt/1/logs", _ => new FakeApi.Reply(200, RecipeLog, "text/plain"));
        return api;
    }
}
