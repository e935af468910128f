using BenchmarkDotNet.Attributes;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Matching;
using CiDoctor.Core.Model;

namespace CiDoctor.Benchmarks;

/// <summary>
/// The scanner: a generated 100k-line log (already read, held in memory) against the full
/// built-in catalog, plus what start-up pays before it (loading and compiling the catalog).
/// </summary>
[MemoryDiagnoser]
public class ScannerBenchmarks
{
    private FailureCatalog _catalog = null!;
    private CompiledCatalog _compiled = null!;
    private LogLine[] _lines = [];

    [GlobalSetup]
    public void Setup()
    {
        _catalog = CatalogLoader.Load([]);
        _compiled = new CompiledCatalog(_catalog, "plain");
        (_lines, _) = Inputs.Read(Inputs.InMemory("scan.log", Inputs.Utf8(SyntheticLog.Plain(Inputs.ScanLines))), "plain");
    }

    [Benchmark(Description = "scan 100k lines x built-in catalog")]
    public int Scan() => new Scanner(_compiled).Scan(_lines).Findings.Count;

    [Benchmark(Description = "load built-in catalog (YAML)")]
    public int LoadCatalog() => CatalogLoader.Load([]).Modes.Count;

    [Benchmark(Description = "compile built-in catalog (plain)")]
    public int CompileCatalog() => new CompiledCatalog(_catalog, "plain").Modes.Count;
}
