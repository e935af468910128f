using BenchmarkDotNet.Attributes;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Diagnosis;
using CiDoctor.Core.Matching;
using CiDoctor.Core.Model;
using CiDoctor.Core.Sources;

namespace CiDoctor.Benchmarks;

/// <summary>
/// Ranking and diagnosis: <see cref="Diagnoser"/> on a job already read and scanned (ranking,
/// supersedes, evidence blocks, explanation), and <see cref="RunDiagnoser"/> on the
/// nix-disk-full sample (read, scan, diagnose and relate every job; catalog compiled once).
/// </summary>
[MemoryDiagnoser]
public class RankingBenchmarks
{
    private FailureCatalog _catalog = null!;
    private JobEvidence _job = null!;
    private RunDiagnoser _run = null!;
    private string _sample = "";

    [GlobalSetup]
    public void Setup()
    {
        _catalog = CatalogLoader.Load([]);
        var source = Inputs.InMemory("job.log", Inputs.Utf8(SyntheticLog.GitHub(Inputs.ScanLines)));
        var (lines, log) = Inputs.Read(source);
        var scan = new Scanner(new CompiledCatalog(_catalog, log.Ci)).Scan(lines);
        _job = new JobEvidence("build", null, "job.log", null, log, scan, [], new Dictionary<string, IReadOnlyList<Finding>>());

        _sample = Inputs.Sample("nix-disk-full");
        _run = new RunDiagnoser(_catalog);
        _run.Diagnose(SourceReader.Read(_sample));   // compiles the catalog for the sample's formats
    }

    [Benchmark(Description = "Diagnoser: rank a scanned 100k-line job")]
    public JobDiagnosis DiagnoseJob() => new Diagnoser(_catalog).Diagnose(_job);

    [Benchmark(Description = "RunDiagnoser: samples/nix-disk-full")]
    public RunReport DiagnoseSample() => _run.Diagnose(SourceReader.Read(_sample));
}
