using CiDoctor.History.Records;
using CiDoctor.History.Store;
using CiDoctor.History.Testing;

namespace CiDoctor.History.Tests.Store;

/// <summary>
/// What every <see cref="IRunStore"/> must do (STYLE.md "Storage"), run against each store by a
/// subclass: SQLite always, PostgreSQL when CIDOCTOR_TEST_POSTGRES names a server. Each test
/// starts from an empty database that nothing has opened yet.
/// </summary>
public abstract class RunStoreContract : IDisposable
{
    private StoreTarget? _target;

    /// <summary>A new empty database of the kind under test.</summary>
    protected abstract StoreTarget CreateTarget();

    // Created on first use: a skipped test never constructs a target (and needs no server).
    private StoreTarget Target => _target ??= CreateTarget();

    private IRunStore Open() => Target.Open();

    private string Dialect => Target.Dialect;

    private long Scalar(string sql) => Target.Scalar(sql);

    [StoreFact]
    public void Open_Twice_AppliesEachMigrationOnce()
    {
        Open().Dispose();
        Open().Dispose();
        int latest = Migrations.Latest(Dialect);
        Assert.Equal(latest, Scalar("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(latest, Scalar("SELECT MAX(version) FROM schema_version"));
    }

    [StoreFact]
    public void Open_ByFourProcessesAtOnce_MigratesOnce()
    {
        var opens = Enumerable.Range(0, 4).Select(_ => Task.Run(() => Open().Dispose())).ToArray();
        Task.WaitAll(opens);
        Assert.Equal(Migrations.Latest(Dialect), Scalar("SELECT COUNT(*) FROM schema_version"));
    }

    [StoreFact]
    public void Add_ThenWindow_ReturnsTheRunWithJobsStepsAndTests()
    {
        using var store = Open();
        var tests = new[] { new TestRecord("a.T.one", "passed", null), new TestRecord("a.T.two", "failed", "expected 1 but was 2") };
        var result = store.Add(Some.Run(1, jobs: [Some.Job("unit", "failed", tests: tests), Some.Job("lint", "passed")]));

        Assert.True(result.Added);
        var window = store.Window(new RunFilter());
        var run = Assert.Single(window.Runs);
        Assert.Equal(("o/r", "1", "main", "c1", "ci"), (run.Repository, run.RunId, run.Branch, run.Commit, run.Workflow));
        Assert.Equal(["unit:failed", "lint:passed"], window.Jobs.Select(j => $"{j.Job}:{j.Status}"));
        Assert.Equal("test.failure: FAILED x", window.Jobs[0].Signature);
        Assert.Equal(4, window.Steps.Count);
        Assert.Equal(["a.T.one:passed", "a.T.two:failed"], window.Tests.Select(t => $"{t.TestId}:{t.Outcome}"));
        Assert.Equal("expected 1 but was 2", window.Tests[1].Message);
    }

    [StoreFact]
    public void Add_SameRunTwice_ChangesNothing()
    {
        using var store = Open();
        var run = Some.Run(1, jobs: [Some.Job("unit", "failed", tests: [new TestRecord("t", "failed", "boom")], log: "FAILED t\n")]);
        Assert.True(store.Add(run).Added);
        var before = Counts();

        var again = store.Add(run with { RecordedAt = Some.At(99) });

        Assert.False(again.Added);
        Assert.Equal(run.Key, again.Key);
        Assert.Equal(before, Counts());
    }

    [StoreFact]
    public void Add_SameRunFromFourThreadsAtOnce_RecordsItOnce()
    {
        using var store = Open();
        var run = Some.Run(1, jobs: [Some.Job("unit", "failed", tests: [new TestRecord("t", "failed", "boom")])]);
        var adds = Enumerable.Range(0, 4).Select(_ => Task.Run(() => store.Add(run))).ToArray();
        Task.WaitAll(adds);
        Assert.Equal(1, adds.Count(a => a.Result.Added));
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM runs"));
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM test_runs"));
    }

    [StoreFact]
    public void Window_OfTwoRunsOnABranch_KeepsTheNewestTwoOfThatBranch_OldestFirst()
    {
        using var store = Open();
        store.Add(Some.Run(3));
        store.Add(Some.Run(1));
        store.Add(Some.Run(2, branch: "feature"));
        store.Add(Some.Run(4));

        var window = store.Window(new RunFilter(Branch: "main", Window: 2));

        Assert.Equal(["3", "4"], window.Runs.Select(r => r.RunId));
        Assert.All(window.Jobs, j => Assert.Contains(j.RunId, window.Runs.Select(r => r.Id)));
        Assert.Equal(2, window.Jobs.Count);
    }

    [StoreFact]
    public void LastGreenLog_ReturnsTheNewestPassingLogOfTheJob_OnTheBranchWhenAsked()
    {
        using var store = Open();
        store.Add(Some.Run(1, jobs: [Some.Job("unit", "passed", log: "green one\n")]));
        store.Add(Some.Run(2, branch: "feature", jobs: [Some.Job("unit", "passed", log: "green on feature\n")]));
        store.Add(Some.Run(3, jobs: [Some.Job("unit", "failed", log: "red\n")]));

        Assert.Equal("green on feature\n", Read(store.LastGreenLog("o/r", "ci", "unit")));
        Assert.Equal("green one\n", Read(store.LastGreenLog("o/r", "ci", "unit", "main")));
        Assert.Null(store.LastGreenLog("o/r", "ci", "lint"));
        Assert.Null(store.LastGreenLog("o/r", "other-workflow", "unit"));
    }

    [StoreFact]
    public void Log_OfAFailedJob_IsStoredMaskedAndReadBack()
    {
        using var store = Open();
        store.Add(Some.Run(1, jobs: [Some.Job("unit", "failed", log: "export GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789\nFAILED t\n")]));
        var job = Assert.Single(store.Window(new RunFilter()).Jobs);

        var (name, content) = store.Log(job.Id)!.Value;

        Assert.Equal("unit.log", name);
        string text = Read(content);
        Assert.DoesNotContain("ghp_", text, StringComparison.Ordinal);
        Assert.Equal("export GITHUB_TOKEN=***\nFAILED t\n", text);
        Assert.Null(store.Log(job.Id + 1000));
    }

    [StoreFact]
    public void UpdateDiagnosis_ReplacesTheSignature()
    {
        using var store = Open();
        store.Add(Some.Run(1, jobs: [Some.Job("unit", "failed")]));
        var job = Assert.Single(store.Window(new RunFilter()).Jobs);

        store.UpdateDiagnosis(job.Id, new StoredDiagnosis("environment", "resource.disk-full", "No space left", "resource.disk-full: No space left", "test"));

        var after = Assert.Single(store.Window(new RunFilter()).Jobs);
        Assert.Equal(("resource.disk-full", "resource.disk-full: No space left"), (after.RootCauseId, after.Signature));
    }

    [StoreFact]
    public void RunIds_AndRun_ListEveryRunOldestFirst_AndOneRunWithItsJobs()
    {
        using var store = Open();
        store.Add(Some.Run(2));
        store.Add(Some.Run(1, jobs: [Some.Job("a", "passed"), Some.Job("b", "failed")]));

        var ids = store.RunIds();
        var first = store.Run(ids[0]);

        Assert.Equal(2, ids.Count);
        Assert.Equal("1", Assert.Single(first.Runs).RunId);
        Assert.Equal(["a", "b"], first.Jobs.Select(j => j.Job));
        Assert.True(store.Contains("github|o/r|2|1"));
        Assert.False(store.Contains("github|o/r|3|1"));
    }

    [StoreFact]
    public void Failures_ListFailedJobsOnly_OldestRunFirstThenJob_WithRunCommitTimeAndMode()
    {
        using var store = Open();
        store.Add(Some.Run(2, jobs: [Failed("unit", "error: boom 2"), Some.Job("lint", "passed"), Failed("e2e", "error: e2e 2", mode: null)]));
        store.Add(Some.Run(1, commit: "abc", jobs: [Failed("unit", "error: boom 1")]));

        var failures = store.Failures(new FailureFilter()).ToList();

        Assert.Equal(["1/unit", "2/e2e", "2/unit"], failures.Select(f => $"{f.Run}/{f.Job}"));
        var first = failures[0];
        Assert.Equal(("o/r", "ci", "main", "abc", Some.At(1)), (first.Repository, first.Workflow, first.Branch, first.Commit, first.OrderedAt));
        Assert.Equal(("test.failure", "error: boom 1", "test.failure: error: boom #"), (first.RootCauseId, first.FirstCauseLine, first.Signature));
        Assert.Null(failures[1].RootCauseId);
        Assert.Equal(3, failures.Select(f => f.JobRunId).Distinct().Count());
    }

    [StoreFact]
    public void Failures_ByBranchAndSince_KeepOnlyThoseRuns()
    {
        using var store = Open();
        store.Add(Some.Run(1, jobs: [Failed("unit", "error: one")]));
        store.Add(Some.Run(2, branch: "feature", jobs: [Failed("unit", "error: two")]));
        store.Add(Some.Run(3, jobs: [Failed("unit", "error: three")]));

        var since = DateTimeOffset.Parse(Some.At(2), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(["1", "3"], store.Failures(new FailureFilter(Branch: "main")).Select(f => f.Run));
        Assert.Equal(["2", "3"], store.Failures(new FailureFilter(Since: since)).Select(f => f.Run));
        Assert.Equal(["3"], store.Failures(new FailureFilter(Branch: "main", Since: since.AddMinutes(1))).Select(f => f.Run));
        Assert.Empty(store.Failures(new FailureFilter(Repository: "other/repo")));
    }

    [StoreFact]
    public void Failures_StoppedEarly_ReleasesTheConnection_SoTheStoreStillWrites()
    {
        using var store = Open();
        for (int n = 1; n <= 3; n++)
        {
            store.Add(Some.Run(n, jobs: [Failed("unit", $"error: {n}")]));
        }

        Assert.Equal("1", store.Failures(new FailureFilter()).First().Run);

        Assert.True(store.Add(Some.Run(4, jobs: [Failed("unit", "error: 4")])).Added);
        Assert.Equal(4, store.Failures(new FailureFilter()).Count());
    }

    private static JobRecord Failed(string name, string cause, string? mode = "test.failure") =>
        Some.Job(name, "failed") with { RootCauseId = mode, FirstCauseLine = cause, Signature = History.Recording.FailureSignature.Of(mode, cause) };

    private string Counts() => string.Join(",", new[] { "runs", "jobs", "job_runs", "step_runs", "tests", "test_runs", "logs" }
        .Select(t => $"{t}={Scalar($"SELECT COUNT(*) FROM {t}")}"));

    private static string Read(Stream? stream)
    {
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing) => _target?.Dispose();
}
