using System.Text.Json;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Diagnosis;
using CiDoctor.Core.Evaluation;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Sources;
using CiDoctor.Testing;

namespace CiDoctor.Cli.Tests.Eval;

/// <summary>
/// eval scores the diagnosis in-process; score.py scores <c>diagnose --format json</c>. The job and
/// evidence eval reads must be what score.py's <c>evidence_of</c> reads from the JSON.
/// </summary>
public class EvalEvidenceContractTests
{
    public static TheoryData<string, string?> Sources() => new()
    {
        { "forgejo-tmpdir/check.log", null },
        { "gitlab-nix-cache/build.log", null },
        { "etcd-quorum-loss/nixos-bonding-vlans.log", "etcd-quorum-loss/passing/nixos-vlans.log" },
        { "k3s-stale-token/debian-vlans.log", "k3s-stale-token/passing/debian-simple.log" },
        { "forgejo-tmpdir", null },
        { "nix-disk-full", null },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public void EvalJobOf_Sample_EqualsEvidenceOfDiagnoseJson(string source, string? baseline)
    {
        string path = Path.Combine(Repo.Samples, source);
        string? pass = baseline is null ? null : Path.Combine(Repo.Samples, baseline);
        string[] args = pass is null ? ["diagnose", path, "--format", "json"] : ["diagnose", path, "--format", "json", "--baseline", pass];
        var cli = CliRunner.Run(args);
        Assert.Equal(0, cli.ExitCode);

        var options = new RunDiagnoserOptions(Baseline: pass is null ? null : LogSource.FromFile(pass, Path.GetFileName(pass)));
        var report = new RunDiagnoser(CatalogLoader.Load([]), options).Diagnose(SourceReader.Read(path));
        var inProcess = EvalJob.Of(report)!;
        var fromJson = EvidenceOf(JsonDocument.Parse(cli.Stdout).RootElement);

        Assert.NotEmpty(inProcess.Evidence);
        Assert.Equal((fromJson.Kind, fromJson.Origin, fromJson.FailedStep, fromJson.ExitCode), (inProcess.Kind, inProcess.Origin, inProcess.FailedStep, inProcess.ExitCode));
        Assert.Equal(fromJson.Evidence, inProcess.Evidence);
    }

    /// <summary>score.py's <c>evidence_of</c> and the job fields it reads, over the JSON report.</summary>
    private static EvalJob EvidenceOf(JsonElement report)
    {
        var jobs = report.GetProperty("jobs").EnumerateArray().ToList();
        var job = jobs.FirstOrDefault(j => j.GetProperty("status").GetString() == "failed", jobs[0]);
        var evidence = job.GetProperty("evidence").EnumerateArray()
            .Select(e => new EvalEvidence(
                e.GetProperty("line").ValueKind == JsonValueKind.Null ? null : e.GetProperty("line").GetInt64(),
                e.GetProperty("text").GetString()!,
                e.GetProperty("role").GetString() == "cause"))
            .ToList();
        var rootCause = job.GetProperty("rootCause");
        return new EvalJob(
            rootCause.ValueKind == JsonValueKind.Null ? null : rootCause.GetProperty("kind").GetString(),
            job.GetProperty("origin").GetString()!,
            job.GetProperty("failedStep").GetString(),
            job.GetProperty("exitCode").ValueKind == JsonValueKind.Null ? null : job.GetProperty("exitCode").GetInt64(),
            [.. evidence.Where(e => e.IsCause), .. evidence.Where(e => !e.IsCause)]);
    }
}
