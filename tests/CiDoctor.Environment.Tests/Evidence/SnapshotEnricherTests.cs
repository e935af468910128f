using System.Text.Json;
using CiDoctor.Core;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Pipeline;
using CiDoctor.Env.Evidence;
using CiDoctor.Env.Snapshots;
using CiDoctor.Testing;

namespace CiDoctor.Environment.Tests.Evidence;

/// <summary>
/// An environment snapshot in the diagnosis pipeline, with no CLI: the sample's disk-full verdict
/// confirmed by a snapshot of a full disk, as evidence in the JSON report.
/// </summary>
public class SnapshotEnricherTests
{
    private const string Job = "nix (x86_64-linux)";
    private static readonly DiagnosisPipelineOptions Options = new(CatalogLoader.Load([]));
    private static readonly string Sample = Path.Combine(Repo.Samples, "nix-disk-full");

    [Fact]
    public void Diagnose_SampleWithAFullDiskSnapshot_ConfirmsTheVerdictWithSnapshotEvidence()
    {
        var snapshot = SnapshotKit.Snapshot(disks: [new DiskInfo("/", "ext4", 100L << 30, 1L << 30)]);
        var plain = JobOf(Render(new DiagnosisPipeline(Options)));

        var job = JobOf(Render(new DiagnosisPipeline(Options with { Enrichers = [new SnapshotEnricher(snapshot, "snap.json")] })));

        Assert.Equal("resource.disk-full", job.GetProperty("rootCause").GetProperty("id").GetString());
        var fact = Assert.Single(job.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("source").GetString() == "snapshot");
        Assert.Equal("cause", fact.GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, fact.GetProperty("line").ValueKind);
        Assert.StartsWith("snapshot (2026-01-22T20:31:02Z): / has 1", fact.GetProperty("text").GetString(), StringComparison.Ordinal);
        double before = plain.GetProperty("rootCause").GetProperty("confidence").GetDouble();
        Assert.Equal(Math.Round(Math.Min(0.97, before + 0.05), 2), job.GetProperty("rootCause").GetProperty("confidence").GetDouble());
    }

    [Fact]
    public void Read_MissingSnapshot_FailsWhenThePipelineIsComposed()
    {
        var error = Assert.Throws<CiDoctorException>(() => SnapshotEnricher.Read("/no/such/snap.json"));

        Assert.StartsWith("/no/such/snap.json: no such snapshot", error.Message, StringComparison.Ordinal);
    }

    private static JsonElement JobOf(JsonElement report) =>
        report.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("name").GetString() == Job);

    private static JsonElement Render(DiagnosisPipeline pipeline)
    {
        using var run = pipeline.Diagnose(new DiagnosisRequest([Sample]) { Format = "json" });
        using var output = new StringWriter();
        run.Render(output);
        using var doc = JsonDocument.Parse(output.ToString());
        return doc.RootElement.Clone();
    }
}
