using System.Data.Common;
using System.IO.Compression;
using CiDoctor.Core;
using CiDoctor.Core.Model;
using CiDoctor.History.Records;
using Dapper;

namespace CiDoctor.History.Store;

/// <summary>
/// The store logic both databases share: the SQL below is the common subset of SQLite and
/// PostgreSQL (<c>RETURNING</c>, <c>ON CONFLICT DO NOTHING</c>, <c>LIMIT</c>), so only opening a
/// connection, starting a write transaction and reading errors differ per database.
/// </summary>
public abstract class SqlRunStore : IRunStore
{
    /// <summary>Opens a new connection (one per operation: stores may be shared by threads).</summary>
    protected abstract DbConnection Connect();

    /// <summary>Starts a transaction that writes (SQLite takes the write lock up front, so two writers queue instead of failing).</summary>
    protected abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>True when <paramref name="e"/> is a unique-key violation (a concurrent add of the same run).</summary>
    protected abstract bool IsUniqueViolation(DbException e);

    /// <summary>One line saying what to check when the database fails: where it is and what to do.</summary>
    protected abstract string Hint(DbException e);

    public abstract string Where { get; }

    /// <summary>
    /// <c>column</c> is one of the ids in parameter <c>@ids</c>: Dapper expands a list into
    /// <c>IN (…)</c> for SQLite but passes it whole as an array to PostgreSQL (<c>= ANY</c>).
    /// </summary>
    protected abstract string InIds(string column);

    public AddResult Add(RunRecord run) => Guard(() =>
    {
        try
        {
            using var c = Connect();
            using var tx = BeginWrite(c);
            if (c.ExecuteScalar<long>("SELECT COUNT(*) FROM runs WHERE run_key = @Key", new { run.Key }, tx) > 0)
            {
                return new AddResult(false, run.Key);
            }
            new RunWriter(c, tx).Write(run);
            tx.Commit();
            return new AddResult(true, run.Key);
        }
        catch (DbException e) when (IsUniqueViolation(e) && Contains(run.Key))
        {
            // Another process recorded the same run between our check and our insert.
            return new AddResult(false, run.Key);
        }
    });

    public bool Contains(string runKey) => Guard(() =>
    {
        using var c = Connect();
        return c.ExecuteScalar<long>("SELECT COUNT(*) FROM runs WHERE run_key = @runKey", new { runKey }) > 0;
    });

    public HistoryWindow Window(RunFilter filter) => Guard(() =>
    {
        var where = new List<string>();
        if (filter.Branch is not null)
        {
            where.Add("branch = @Branch");
        }
        if (filter.Repository is not null)
        {
            where.Add("repository = @Repository");
        }
        string sql = RunColumns + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") +
            " ORDER BY ordered_at DESC, id DESC LIMIT @Window";
        using var c = Connect();
        var runs = c.Query<RunRow>(sql, filter).Select(r => r.ToRecord()).Reverse().ToList();
        return Details(c, runs);
    });

    public HistoryWindow Run(long runId) => Guard(() =>
    {
        using var c = Connect();
        var runs = c.Query<RunRow>(RunColumns + " WHERE id = @runId", new { runId }).Select(r => r.ToRecord()).ToList();
        return Details(c, runs);
    });

    public IReadOnlyList<long> RunIds() => Guard(() =>
    {
        using var c = Connect();
        return (IReadOnlyList<long>)c.Query<long>("SELECT id FROM runs ORDER BY ordered_at, id").ToList();
    });

    public IEnumerable<StoredFailure> Failures(FailureFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return StreamFailures(filter);
    }

    public Stream? LastGreenLog(string repository, string workflow, string job, string? branch = null) => Guard(() =>
    {
        string sql = """
            SELECT l.content FROM logs l
            JOIN job_runs jr ON jr.id = l.job_run_id JOIN jobs j ON j.id = jr.job_id JOIN runs r ON r.id = jr.run_id
            WHERE j.repository = @repository AND j.workflow = @workflow AND j.name = @job AND jr.status = 'passed'
            """ + (branch is null ? "" : " AND r.branch = @branch") + " ORDER BY r.ordered_at DESC, r.id DESC LIMIT 1";
        using var c = Connect();
        byte[]? content = c.QueryFirstOrDefault<byte[]>(sql, new { repository, workflow, job, branch });
        return content is null ? null : Decompress(content);
    });

    public (string Name, Stream Content)? Log(long jobRunId) => Guard<(string, Stream)?>(() =>
    {
        using var c = Connect();
        var row = c.QueryFirstOrDefault<LogRow>("SELECT name AS Name, content AS Content FROM logs WHERE job_run_id = @jobRunId", new { jobRunId });
        return row is null ? null : (row.Name, Decompress(row.Content));
    });

    public void UpdateDiagnosis(long jobRunId, StoredDiagnosis diagnosis) => Guard(() =>
    {
        using var c = Connect();
        c.Execute("""
            UPDATE job_runs SET origin = @Origin, root_cause_id = @RootCauseId, first_cause_line = @FirstCauseLine,
                signature = @Signature, failed_step = @FailedStep WHERE id = @jobRunId
            """, new { jobRunId, diagnosis.Origin, diagnosis.RootCauseId, diagnosis.FirstCauseLine, diagnosis.Signature, diagnosis.FailedStep });
        return 0;
    });

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    private const string RunColumns = """
        SELECT id AS Id, run_key AS Key, repository AS Repository, run_id AS RunId, attempt AS Attempt,
               workflow AS Workflow, branch AS Branch, commit_sha AS CommitSha, ordered_at AS OrderedAt FROM runs
        """;

    private HistoryWindow Details(DbConnection c, IReadOnlyList<StoredRun> runs)
    {
        if (runs.Count == 0)
        {
            return new HistoryWindow([], [], [], []);
        }
        var ids = runs.Select(r => r.Id).ToArray();
        var jobs = c.Query<JobRunRow>($"""
            SELECT jr.id AS Id, jr.run_id AS RunId, j.repository AS Repository, j.workflow AS Workflow, j.name AS Job,
                   jr.status AS Status, jr.failed_step AS FailedStep, jr.root_cause_id AS RootCauseId, jr.signature AS Signature
            FROM job_runs jr JOIN jobs j ON j.id = jr.job_id WHERE {InIds("jr.run_id")} ORDER BY jr.run_id, jr.id
            """, new { ids }).Select(r => r.ToRecord()).ToList();
        var steps = c.Query<StepRunRow>($"""
            SELECT s.job_run_id AS JobRunId, s.idx AS Idx, s.name AS Name, s.status AS Status
            FROM step_runs s JOIN job_runs jr ON jr.id = s.job_run_id WHERE {InIds("jr.run_id")} ORDER BY s.job_run_id, s.idx
            """, new { ids }).Select(r => r.ToRecord()).ToList();
        var tests = c.Query<TestRunRow>($"""
            SELECT tr.job_run_id AS JobRunId, t.junit_id AS TestId, tr.outcome AS Outcome, tr.message AS Message
            FROM test_runs tr JOIN tests t ON t.id = tr.test_id JOIN job_runs jr ON jr.id = tr.job_run_id
            WHERE {InIds("jr.run_id")} ORDER BY tr.job_run_id, t.junit_id
            """, new { ids }).Select(r => r.ToRecord()).ToList();
        return new HistoryWindow(runs, jobs, steps, tests);
    }

    // An iterator: the connection stays open while the caller enumerates, rows arrive one by one
    // (unbuffered), and each database call still fails as one line through Guard.
    private IEnumerable<StoredFailure> StreamFailures(FailureFilter filter)
    {
        var where = new List<string> { "jr.status = 'failed'" };
        if (filter.Branch is not null)
        {
            where.Add("r.branch = @Branch");
        }
        if (filter.Repository is not null)
        {
            where.Add("r.repository = @Repository");
        }
        // ordered_at is ISO 8601 UTC to the second in both stores, so text order is time order.
        string? since = filter.Since is { } s ? IsoTime.Format(s) : null;
        if (since is not null)
        {
            where.Add("r.ordered_at >= @since");
        }
        string sql = $"""
            SELECT jr.id AS JobRunId, r.run_key AS RunKey, r.run_id AS RunId, r.attempt AS Attempt, r.repository AS Repository,
                   r.workflow AS Workflow, j.name AS Job, r.branch AS Branch, r.commit_sha AS CommitSha, r.ordered_at AS OrderedAt,
                   jr.root_cause_id AS RootCauseId, jr.first_cause_line AS FirstCauseLine, jr.signature AS Signature
            FROM job_runs jr JOIN runs r ON r.id = jr.run_id JOIN jobs j ON j.id = jr.job_id
            WHERE {string.Join(" AND ", where)}
            ORDER BY r.ordered_at, r.id, j.name, jr.id
            """;
        using var c = Guard(Connect);
        using var rows = Guard(() => c.Query<FailureRow>(sql, new { filter.Branch, filter.Repository, since }, buffered: false).GetEnumerator());
        while (Guard(rows.MoveNext))
        {
            yield return rows.Current.ToRecord();
        }
    }

    // Decompressed as it is read: memory holds the compressed bytes only (the connection is already closed).
    private static Stream Decompress(byte[] content) =>
        new GZipStream(new MemoryStream(content, writable: false), CompressionMode.Decompress);

    private void Guard(Func<int> action) => Guard<int>(action);

    /// <summary>Turns a database failure into one line (what, where, what to do); callers print it with exit code 2.</summary>
    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (DbException e)
        {
            throw new CiDoctorException($"history database {Where}: {e.Message.ReplaceLineEndings(" ")}; {Hint(e)}", e);
        }
    }
}
