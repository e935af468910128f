using System.Text.Json;
using CiDoctor.History.Testing;
using CiDoctor.Testing;

namespace CiDoctor.Cli.Tests.History;

/// <summary>
/// The history commands end to end (in-process CLI) against each store: the issue's acceptance
/// history, <c>diagnose --db</c>, re-adding and re-scanning.
/// </summary>
public abstract class HistoryCommandsContract : IDisposable
{
    private readonly TempDir _dir = new();
    private StoreTarget? _target;

    /// <summary>A new empty database of the kind under test.</summary>
    protected abstract StoreTarget CreateTarget();

    private StoreTarget Target => _target ??= CreateTarget();

    [StoreFact]
    public void Issue6_Acceptance_HistoryFlaky_ClassifiesPersistentFlakyAndHealthy()
    {
        Record(ScriptedHistory.Write(_dir));

        var result = CliRunner.Run("history", "flaky", "--format", "json", "--db", Target.Spec);

        Assert.Equal(0, result.ExitCode);
        var entries = Entries(result.Stdout);
        var a = entries.Single(e => e.Job == "A" && e.Test is null);
        var b = entries.Single(e => e.Job == "B" && e.Test is null);
        var c = entries.Single(e => e.Job == "C" && e.Test is null);
        Assert.Equal(("persistent", "103", ScriptedHistory.FirstBadCommit, 8, 6), (a.Classification, a.FirstBadRun, a.FirstBadCommit, a.Runs, a.Failures));
        Assert.Equal(("flaky", true, 8, 2, 0.25), (b.Classification, b.Rotating, b.Runs, b.Failures, b.FailureRate));
        Assert.Equal(0.57, b.FlipRate); // P P P P F P F P: 4 flips in 7 consecutive pairs
        Assert.Equal(("healthy", false, 0), (c.Classification, c.Rotating, c.Failures));
        Assert.Equal(["net.Peer.t1:flaky", "net.Peer.t2:flaky"], entries.Where(e => e.Test is not null).Select(e => $"{e.Test}:{e.Classification}"));
        Assert.Equal("2026-03-09T00:01:00Z".Length, a.LastSeen!.Length);
    }

    [StoreFact]
    public void Issue6_HistoryAdd_SameRunTwice_SaysSoAndChangesNothing()
    {
        string run = ScriptedHistory.WriteRun(_dir, 101, "c0", null, aFails: false);

        var first = CliRunner.Run("history", "add", run, "--db", Target.Spec);
        long runs = Target.Scalar("SELECT COUNT(*) FROM runs"), jobRuns = Target.Scalar("SELECT COUNT(*) FROM job_runs");
        var second = CliRunner.Run("history", "add", run, "--db", Target.Spec);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.StartsWith("recorded run 101 in ", first.Stdout, StringComparison.Ordinal);
        Assert.EndsWith(": 3 job(s), 0 failed, 2 test result(s), 3 log(s)\n", first.Stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.StartsWith("run 101 is already recorded in ", second.Stdout, StringComparison.Ordinal);
        Assert.Equal((1, 3), (runs, jobRuns));
        Assert.Equal((runs, jobRuns), (Target.Scalar("SELECT COUNT(*) FROM runs"), Target.Scalar("SELECT COUNT(*) FROM job_runs")));
    }

    [StoreFact]
    public void Issue6_Diagnose_WithDb_FillsHistoryAndUsesTheLastGreenLog_WithoutWriting()
    {
        Record(ScriptedHistory.Write(_dir));
        string next = ScriptedHistory.WriteRun(_dir, 109, "Y", "t1", aFails: true);

        var result = CliRunner.Run("diagnose", next, "--format", "json", "--db", Target.Spec);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var jobs = json.RootElement.GetProperty("jobs").EnumerateArray().ToDictionary(j => j.GetProperty("name").GetString()!, j => j.GetProperty("history"));
        Assert.Equal("this job failed in 3 of the last 9 runs on this branch, on 1 commit, and passed on the same commit: flaky; " +
            "its failing tests differ between runs of the same commit (rotating: look at the environment)", jobs["B"].GetProperty("summary").GetString());
        Assert.True(jobs["B"].GetProperty("baselineFromHistory").GetBoolean());
        Assert.True(jobs["B"].GetProperty("passedOnSameCommit").GetBoolean());
        Assert.Equal(("persistent", "X", "103"), (jobs["A"].GetProperty("classification").GetString(), jobs["A"].GetProperty("firstBadCommit").GetString(), jobs["A"].GetProperty("firstBadRun").GetString()));
        Assert.Equal(7, jobs["A"].GetProperty("failures").GetInt32());
        Assert.True(jobs["A"].GetProperty("baselineFromHistory").GetBoolean());
        Assert.False(jobs["C"].GetProperty("baselineFromHistory").GetBoolean());
        Assert.Equal("healthy", jobs["C"].GetProperty("classification").GetString());
        Assert.Equal(8, Target.Scalar("SELECT COUNT(*) FROM runs"));
    }

    [StoreFact]
    public void Issue6_Rescan_WithANewCatalogMode_ExplainsAPastFailure()
    {
        _dir.Write("bare/deploy.log", "deploying\nerror: frobnicator exploded: code 7\nexit status 1\n");
        Assert.Equal(0, CliRunner.Run("history", "add", _dir.File("bare/deploy.log"), "--db", Target.Spec).ExitCode);
        string catalog = WriteFrobnicatorMode();

        var rescan = CliRunner.Run("history", "rescan", "--db", Target.Spec, "--catalog", catalog);
        var again = CliRunner.Run("history", "rescan", "--db", Target.Spec, "--catalog", catalog);

        Assert.True(rescan.ExitCode == 0, rescan.Stderr);
        Assert.True(rescan.Stdout.Contains("1 failed job(s) re-diagnosed, 1 diagnosis(es) changed", StringComparison.Ordinal), rescan.Stdout + rescan.Stderr);
        Assert.Contains("0 diagnosis(es) changed", again.Stdout, StringComparison.Ordinal);
        using var store = Target.Open();
        var job = Assert.Single(store.Window(new CiDoctor.History.Records.RunFilter()).Jobs);
        Assert.Equal(("deploy.frobnicator", "deploy.frobnicator: error: frobnicator exploded: code #"), (job.RootCauseId, job.Signature));
    }

    private void Record(IEnumerable<string> runs)
    {
        foreach (string run in runs)
        {
            var add = CliRunner.Run("history", "add", run, "--db", Target.Spec);
            Assert.True(add.ExitCode == 0, add.Stderr);
        }
    }

    private string WriteFrobnicatorMode()
    {
        _dir.Write("catalog/deploy/frobnicator.yaml", """
            id: deploy.frobnicator
            aliases: []
            title: The frobnicator exploded
            kind: other
            origin: environment
            severity: high
            ci: []
            signals:
              - literal: "frobnicator exploded"
            unless: []
            context: []
            explain: "The deploy's frobnicator exploded."
            factors: []
            actions:
              - { when: immediate, effort: minutes, text: "Restart the frobnicator." }
            principle: Frobnicators need care.
            supersedes: []
            examples:
              match: ["frobnicator exploded: code 7"]
              noMatch: ["frobnicator ok"]
            """);
        return _dir.File("catalog");
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private sealed record Entry(string Job, string? Test, string Classification, int Runs, int Failures, double FailureRate, double FlipRate,
        string? FirstBadRun, string? FirstBadCommit, string? LastSeen, bool Rotating);

    private static List<Entry> Entries(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var entries = doc.RootElement.GetProperty("entries");
        // The issue fixes the fields: exactly these, in this order.
        Assert.All(entries.EnumerateArray(), e => Assert.Equal(
            ["job", "test", "classification", "runs", "failures", "failureRate", "flipRate", "firstBadRun", "firstBadCommit", "lastSeen", "rotating"],
            e.EnumerateObject().Select(p => p.Name)));
        return JsonSerializer.Deserialize<List<Entry>>(entries.GetRawText(), Web)!;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        _target?.Dispose();
        _dir.Dispose();
    }
}
