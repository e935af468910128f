namespace CiDoctor.Testing.Providers;

/// <summary>
/// A GitLab pipeline as REST API v4 documents it (docs.gitlab.com/api/pipelines, api/jobs:
/// list pipeline jobs, get a log file) plus GraphQL <c>needs</c>: pipeline 42 of group/sub/project
/// with three jobs over two pages (X-Next-Page), build failing on a runner system failure message,
/// test (needs build) failing after it.
/// </summary>
public static class GitLabApi
{
    public const string Token = "glpat-TestToken0123456789ab";
    public const string Project = "/api/v4/projects/group%2Fsub%2Fproject";

    public const string BuildTrace = """
        Running with gitlab-runner 17.5.0 (abc123)
          on shared-runner-1 xyz, system ID: s_0123456789ab
        section_start:1728900000:prepare_executor
        Preparing the "docker" executor
        section_end:1728900005:prepare_executor
        section_start:1728900005:step_script
        $ nix build .#default
        error: builder for '/nix/store/0123456789abcdfghijklmnpqrsvwxyz-app-1.0.drv' failed with exit code 1;
               last 1 log lines:
               > error: could not write to /build/out: No space left on device
        section_end:1728900100:step_script
        ERROR: Job failed: exit code 1
        """;

    public static FakeApi Serve(FakeApi api)
    {
        api.Json($"{Project}/pipelines/42", """
            {"id": 42, "iid": 12, "project_id": 7, "sha": "0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6", "ref": "main", "status": "failed",
             "source": "push", "created_at": "2025-10-14T10:00:00.000Z", "started_at": "2025-10-14T10:00:02.000Z",
             "finished_at": "2025-10-14T10:05:00.000Z", "duration": 298, "web_url": "https://gitlab.example.com/group/sub/project/-/pipelines/42"}
            """);
        // Newest first, as GitLab lists them; two per page here, X-Next-Page empty on the last.
        api.On("GET", $"{Project}/pipelines/42/jobs", request => request.QueryString["page"] == "2"
            ? new FakeApi.Reply(200, $"[{Job(101, "lint", "lint", "success", null)}]", Headers: new Dictionary<string, string> { ["X-Next-Page"] = "", ["X-Page"] = "2" })
            : new FakeApi.Reply(200, $"[{Job(103, "test", "test", "failed", "script_failure")}, {Job(102, "build", "build", "failed", "script_failure")}]",
                Headers: new Dictionary<string, string> { ["X-Next-Page"] = "2", ["X-Page"] = "1" }));
        api.On("GET", $"{Project}/jobs/101/trace", _ => new FakeApi.Reply(200, "$ nix fmt --check\nJob succeeded\n", "text/plain"));
        api.On("GET", $"{Project}/jobs/102/trace", _ => new FakeApi.Reply(200, BuildTrace, "text/plain"));
        api.On("GET", $"{Project}/jobs/103/trace", _ => new FakeApi.Reply(200, "$ nix flake check\nerror: attribute 'default' missing\nERROR: Job failed: exit code 1\n", "text/plain"));
        api.On("POST", "/api/graphql", _ => new FakeApi.Reply(200, """
            {"data": {"project": {"pipeline": {"jobs": {"nodes": [
              {"name": "lint", "needs": {"nodes": []}},
              {"name": "build", "needs": {"nodes": [{"name": "lint"}]}},
              {"name": "test", "needs": {"nodes": [{"name": "build"}]}}
            ]}}}}}
            """));
        return api;
    }

    private static string Job(int id, string name, string stage, string status, string? failureReason) => $$"""
        {"id": {{id}}, "name": "{{name}}", "stage": "{{stage}}", "status": "{{status}}", "allow_failure": false,
         "created_at": "2025-10-14T10:00:00.000Z", "started_at": "2025-10-14T10:0{{id - 100}}:00.000Z", "finished_at": "2025-10-14T10:0{{id - 99}}:30.000Z",
         "duration": 90.5, "failure_reason": {{(failureReason is null ? "null" : $"\"{failureReason}\"")}},
         "runner": {"id": 5, "description": "shared-runner-1", "active": true, "is_shared": true},
         "pipeline": {"id": 42, "project_id": 7, "ref": "main", "sha": "0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6", "status": "failed"},
         "web_url": "https://gitlab.example.com/group/sub/project/-/jobs/{{id}}"}
        """;
}
