using System.Text.Json;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Pipeline;
using CiDoctor.History.Lookup;
using CiDoctor.History.Recording;
using CiDoctor.History.Records;
using CiDoctor.Testing;

namespace CiDoctor.History.Tests.Lookup;

/// <summary>
/// Run history in the diagnosis pipeline, with no CLI: a green run of a job is recorded, then
/// the sample's failing run of it is diagnosed against that history and rendered as JSON.
/// </summary>
public sealed class HistoryEnricherTests : IDisposable
{
    private const string Job = "nix (x86_64-linux)";
    private static readonly DiagnosisPipelineOptions Options = new(CatalogLoader.Load([]));
    private readonly TempDir _dir = new();
    private readonly IRunStore _store;

    public HistoryEnricherTests() => _store = RunStores.Open(_dir.File("history.db"));

    [Fact]
    public void Diagnose_SampleWithHistory_JsonHasTheRootCauseTheClassificationAndTheHistoryBaseline()
    {
        Record(GreenRun());

        var pipeline = new DiagnosisPipeline(Options with { Enrichers = [new HistoryEnricher(_store)] });
        var json = Render(pipeline, Path.Combine(Repo.Samples, "nix-disk-full"));

        var job = json.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("name").GetString() == Job);
        Assert.Equal("resource.disk-full", job.GetProperty("rootCause").GetProperty("id").GetString());
        var history = job.GetProperty("history");
        // The green run recorded, and this one (run.json names it and it is not recorded yet).
        Assert.Equal(2, history.GetProperty("runs").GetInt32());
        Assert.Equal(1, history.GetProperty("failures").GetInt32());
        // It passed on one commit and failed on the next: not yet persistent (one failing run), not flaky (never on the same commit).
        Assert.Equal("intermittent", history.GetProperty("classification").GetString());
        Assert.Equal("beta", history.GetProperty("branch").GetString());
        // Its last green log was the baseline: the job had no passing log in the run itself.
        Assert.True(history.GetProperty("baselineFromHistory").GetBoolean());
        Assert.Empty(json.GetProperty("run").GetProperty("notes").EnumerateArray());
    }

    [Fact]
    public void Diagnose_JobHistoryNeverSaw_HasNoBaselineFromHistory()
    {
        Record(GreenRun());

        var pipeline = new DiagnosisPipeline(Options with { Enrichers = [new HistoryEnricher(_store)] });
        var json = Render(pipeline, Path.Combine(Repo.Samples, "nix-disk-full"));

        var other = json.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("name").GetString() == "justfile-activation").GetProperty("history");
        Assert.Equal(1, other.GetProperty("runs").GetInt32());
        Assert.False(other.GetProperty("baselineFromHistory").GetBoolean());
    }

    [Fact]
    public void Diagnose_StoreThatFails_IsANoteAndTheDiagnosisStands()
    {
        var pipeline = new DiagnosisPipeline(Options with { Enrichers = [new HistoryEnricher(new BrokenStore())] });
        var json = Render(pipeline, Path.Combine(Repo.Samples, "nix-disk-full"));

        var note = Assert.Single(json.GetProperty("run").GetProperty("notes").EnumerateArray()).GetString();
        Assert.Equal("run history left out of this report: IOException: the database connection was lost", note);
        var job = json.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("name").GetString() == Job);
        Assert.Equal("resource.disk-full", job.GetProperty("rootCause").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("history").ValueKind);
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    // Recorded as `history add` does: every log, readable again for the store.
    private void Record(string folder)
    {
        var request = new DiagnosisRequest([folder]) { Reading = new SourceOptions { AllLogs = true, Reopenable = true } };
        using var run = new DiagnosisPipeline(Options).Diagnose(request);
        Assert.True(_store.Add(new RunRecorder(TimeProvider.System, _ => { }).Record(run.Input, run.Report)).Added);
    }

    // The sample's job, passing the day before on another commit of the same branch.
    private string GreenRun()
    {
        _dir.Write("green/nix.log", "building '/nix/store/abc-home-manager-path.drv'...\nall outputs built\n");
        return Path.GetDirectoryName(_dir.Write("green/run.json", $$"""
            { "provider": "github", "repository": "cameronraysmith/nix-config", "runId": "18400000001", "attempt": 1,
              "workflow": "multi-user architecture CI", "branch": "beta", "commit": "1111111111111111111111111111111111111111",
              "event": "push", "startedAt": "2025-10-13T10:00:00Z",
              "jobs": [ { "name": "{{Job}}", "status": "passed", "log": "nix.log" } ] }
            """))!;
    }

    private static JsonElement Render(DiagnosisPipeline pipeline, string source)
    {
        using var run = pipeline.Diagnose(new DiagnosisRequest([source]) { Format = "json" });
        using var output = new StringWriter();
        run.Render(output);
        using var doc = JsonDocument.Parse(output.ToString());
        return doc.RootElement.Clone();
    }

    /// <summary>A store whose every query fails, as one whose server went away after it was opened.</summary>
    private sealed class BrokenStore : IRunStore
    {
        public string Where => "broken";

        public AddResult Add(RunRecord run) => throw Lost();

        public HistoryWindow Window(RunFilter filter) => throw Lost();

        public HistoryWindow Run(long runId) => throw Lost();

        public IReadOnlyList<long> RunIds() => throw Lost();

        public IEnumerable<StoredFailure> Failures(FailureFilter filter) => throw Lost();

        public bool Contains(string runKey) => throw Lost();

        public Stream? LastGreenLog(string repository, string workflow, string job, string? branch = null) => throw Lost();

        public (string Name, Stream Content)? Log(long jobRunId) => throw Lost();

        public void UpdateDiagnosis(long jobRunId, StoredDiagnosis diagnosis) => throw Lost();

        public void Dispose()
        {
        }

        private static IOException Lost() => new("the database connection was lost");
    }
}
