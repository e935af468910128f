using System.Data.Common;
using CiDoctor.History.Records;
using Dapper;

namespace CiDoctor.History.Store;

/// <summary>Writes one run's rows inside the caller's transaction.</summary>
internal sealed class RunWriter(DbConnection c, DbTransaction tx)
{
    public void Write(RunRecord run)
    {
        long runId = c.ExecuteScalar<long>("""
            INSERT INTO runs (run_key, provider, repository, run_id, attempt, workflow, branch, commit_sha, event, started_at, url, ordered_at, recorded_at)
            VALUES (@Key, @Provider, @Repository, @RunId, @Attempt, @Workflow, @Branch, @Commit, @Event, @StartedAt, @Url, @OrderedAt, @RecordedAt)
            RETURNING id
            """, run, tx);
        foreach (var job in run.Jobs)
        {
            long jobId = Job(run.Repository, run.Workflow, job.Name);
            long jobRunId = c.ExecuteScalar<long>("""
                INSERT INTO job_runs (run_id, job_id, status, started_at, completed_at, duration_seconds, runner_name, failed_step,
                                      exit_code, origin, root_cause_id, first_cause_line, signature)
                VALUES (@runId, @jobId, @Status, @StartedAt, @CompletedAt, @DurationSeconds, @RunnerName, @FailedStep,
                        @ExitCode, @Origin, @RootCauseId, @FirstCauseLine, @Signature)
                RETURNING id
                """, new
            {
                runId,
                jobId,
                job.Status,
                job.StartedAt,
                job.CompletedAt,
                job.DurationSeconds,
                job.RunnerName,
                job.FailedStep,
                job.ExitCode,
                job.Origin,
                job.RootCauseId,
                job.FirstCauseLine,
                job.Signature,
            }, tx);
            c.Execute("""
                INSERT INTO step_runs (job_run_id, idx, name, status, exit_code, started_at, completed_at)
                VALUES (@jobRunId, @Index, @Name, @Status, @ExitCode, @StartedAt, @CompletedAt)
                """, job.Steps.Select(s => new { jobRunId, s.Index, s.Name, s.Status, s.ExitCode, s.StartedAt, s.CompletedAt }), tx);
            if (job.Tests.Count > 0)
            {
                var testIds = Tests(jobId, job.Tests.Select(t => t.TestId));
                c.Execute("INSERT INTO test_runs (job_run_id, test_id, outcome, message) VALUES (@jobRunId, @testId, @Outcome, @Message)",
                    job.Tests.Select(t => new { jobRunId, testId = testIds[t.TestId], t.Outcome, t.Message }), tx);
            }
            if (job.Log is { } log)
            {
                c.Execute("INSERT INTO logs (job_run_id, name, encoding, bytes, content) VALUES (@jobRunId, @Name, @encoding, @Bytes, @Content)",
                    new { jobRunId, log.Name, encoding = StoredLog.Gzip, log.Bytes, log.Content }, tx);
            }
        }
    }

    private long Job(string repository, string workflow, string name)
    {
        c.Execute("INSERT INTO jobs (repository, workflow, name) VALUES (@repository, @workflow, @name) ON CONFLICT (repository, workflow, name) DO NOTHING",
            new { repository, workflow, name }, tx);
        return c.ExecuteScalar<long>("SELECT id FROM jobs WHERE repository = @repository AND workflow = @workflow AND name = @name",
            new { repository, workflow, name }, tx);
    }

    // A JUnit report can hold tens of thousands of tests: insert the new ones, then read every id of the job once.
    private Dictionary<string, long> Tests(long jobId, IEnumerable<string> junitIds)
    {
        c.Execute("INSERT INTO tests (job_id, junit_id) VALUES (@jobId, @junitId) ON CONFLICT (job_id, junit_id) DO NOTHING",
            junitIds.Distinct(StringComparer.Ordinal).Select(junitId => new { jobId, junitId }), tx);
        return c.Query<(string JunitId, long Id)>("SELECT junit_id, id FROM tests WHERE job_id = @jobId", new { jobId }, tx)
            .ToDictionary(t => t.JunitId, t => t.Id, StringComparer.Ordinal);
    }
}
