using System.Text;

namespace CiDoctor.Testing.Providers;

/// <summary>
/// A GitHub Actions run as the REST API documents it (docs.github.com/rest/actions/workflow-runs,
/// workflow-jobs, checks/runs#list-check-run-annotations, repos/contents): run 1 of o/r with three
/// jobs over two pages, lint passing, build failing on a full disk, deploy (needs build) failing
/// with an expired log. Job logs answer with a redirect to another origin, as GitHub's do.
/// </summary>
public static class GitHubApi
{
    public const string Token = "ghp_TestTokenValue0123456789abcdefghijklm";

    /// <summary>An environment holding only GITHUB_TOKEN (for <c>ProviderOptions.GetEnv</c>).</summary>
    public static string? GetEnv(string name) => name == "GITHUB_TOKEN" ? Token : null;
    public const string Sha = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0";

    public const string BuildLog = """
        2025-10-14T10:02:00.0000000Z ##[group]Run cargo build --release
        2025-10-14T10:02:00.1000000Z cargo build --release
        2025-10-14T10:02:00.2000000Z ##[endgroup]
        2025-10-14T10:04:59.0000000Z    Compiling object v0.32.1
        2025-10-14T10:05:00.0000000Z error: failed to build archive at `target/release/deps/libobject-02629ecadd90fb15.rlib`: No space left on device (os error 28)
        2025-10-14T10:05:00.1000000Z ##[error]Process completed with exit code 101.
        """;

    public const string Workflow = """
        name: ci
        on: push
        jobs:
          lint:
            runs-on: ubuntu-latest
            steps:
              - run: cargo fmt --check
          build:
            name: build (${{ matrix.os }})
            needs: lint
            strategy:
              matrix:
                os: [ubuntu-latest]
            runs-on: ${{ matrix.os }}
            steps:
              - run: cargo build --release
          deploy:
            needs: [build, lint]
            if: always()
            runs-on: ubuntu-latest
            steps:
              - run: ./deploy.sh
        """;

    /// <summary>Serves the run; <paramref name="rateLimitFirst"/> answers the first run request with 429 + Retry-After: 1.</summary>
    public static FakeApi Serve(FakeApi api, bool rateLimitFirst = false)
    {
        int runCalls = 0;
        api.On("GET", "/repos/o/r/actions/runs/1", _ => Interlocked.Increment(ref runCalls) == 1 && rateLimitFirst
            ? new FakeApi.Reply(429, "{\"message\":\"API rate limit exceeded\"}", Headers: new Dictionary<string, string> { ["Retry-After"] = "1" })
            : new FakeApi.Reply(200, $$"""
                {"id": 1, "name": "ci", "head_branch": "main", "head_sha": "{{Sha}}", "path": ".github/workflows/ci.yml",
                 "run_number": 7, "run_attempt": 1, "event": "push", "status": "completed", "conclusion": "failure",
                 "created_at": "2025-10-14T10:00:00Z", "run_started_at": "2025-10-14T10:00:00Z",
                 "html_url": "https://github.com/o/r/actions/runs/1"}
                """));
        // A server may cap per_page: page 1 holds two jobs, page 2 the third; total_count says 3.
        api.On("GET", "/repos/o/r/actions/runs/1/jobs", request => request.QueryString["page"] == "2"
            ? new FakeApi.Reply(200, $$"""{"total_count": 3, "jobs": [{{Job(13, "deploy", "failure", "10:06:00Z", "10:06:30Z", "Run ./deploy.sh")}}]}""")
            : new FakeApi.Reply(200, $$"""{"total_count": 3, "jobs": [{{Job(11, "lint", "success", "10:00:05Z", "10:01:00Z", "Run cargo fmt --check")}}, {{Job(12, "build (ubuntu-latest)", "failure", "10:01:10Z", "10:05:01Z", "Run cargo build --release")}}]}"""));
        foreach (int id in new[] { 11, 12 })
        {
            int job = id;
            api.On("GET", $"/repos/o/r/actions/jobs/{job}/logs", _ => new FakeApi.Reply(302, "", Headers: new Dictionary<string, string>
            {
                ["Location"] = $"{api.OtherOrigin}/blob/job-logs/{job}.txt?sv=2025&sig=signed",
            }));
        }
        api.On("GET", "/blob/job-logs/11.txt", _ => new FakeApi.Reply(200, "2025-10-14T10:00:06.0000000Z ##[group]Run cargo fmt --check\n2025-10-14T10:00:59.0000000Z ##[endgroup]\n", "text/plain"));
        api.On("GET", "/blob/job-logs/12.txt", _ => new FakeApi.Reply(200, BuildLog, "text/plain"));
        api.On("GET", "/repos/o/r/actions/jobs/13/logs", _ => new FakeApi.Reply(410, "{\"message\":\"Gone\"}"));
        api.Json("/repos/o/r/check-runs/12/annotations", """
            [{"path": ".github", "start_line": 1, "end_line": 1, "annotation_level": "failure", "title": "", "message": "Process completed with exit code 101.", "raw_details": ""}]
            """);
        api.Json("/repos/o/r/check-runs/13/annotations", """
            [{"path": ".github", "start_line": 1, "end_line": 1, "annotation_level": "failure", "title": "", "message": "Process completed with exit code 1.", "raw_details": ""}]
            """);
        string content = Convert.ToBase64String(Encoding.UTF8.GetBytes(Workflow), Base64FormattingOptions.InsertLineBreaks);
        api.Json("/repos/o/r/contents/.github/workflows/ci.yml", $$"""{"type": "file", "encoding": "base64", "path": ".github/workflows/ci.yml", "content": "{{content.Replace("\r\n", "\\n", StringComparison.Ordinal)}}"}""");
        return api;
    }

    private static string Job(int id, string name, string conclusion, string started, string completed, string step) => $$"""
        {"id": {{id}}, "run_id": 1, "run_attempt": 1, "name": "{{name}}", "status": "completed", "conclusion": "{{conclusion}}",
         "started_at": "2025-10-14T{{started}}", "completed_at": "2025-10-14T{{completed}}", "runner_name": "GitHub Actions {{id}}",
         "steps": [
           {"name": "Set up job", "status": "completed", "conclusion": "success", "number": 1, "started_at": "2025-10-14T{{started}}", "completed_at": "2025-10-14T{{started}}"},
           {"name": "{{step}}", "status": "completed", "conclusion": "{{conclusion}}", "number": 2, "started_at": "2025-10-14T{{started}}", "completed_at": "2025-10-14T{{completed}}"}
         ]}
        """;
}
