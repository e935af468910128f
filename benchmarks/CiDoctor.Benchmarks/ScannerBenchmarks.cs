using BenchmarkDotNet.Attributes;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Matching;
using CiDoctor.Core.Model;

namespace CiDoctor.Benchmarks;

/// <summary>
/// The scanner: a generated 100k-line log against the full built-in catalog, already parsed
/// (lines in memory), and from its bytes as <c>diagnose</c> reads it: every line parsed (the
/// reference), the fast path on one thread, and on two; plus what start-up pays before it
/// (loading and compiling the catalog).
/// </summary>
[MemoryDiagnoser]
public class ScannerBenchmarks
{
    private FailureCatalog _catalog = null!;
    private CompiledCatalog _compiled = null!;
    private LogLine[] _lines = [];
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup()
    {
        _catalog = CatalogLoader.Load([]);
        _compiled = new CompiledCatalog(_catalog, "plain");
        _bytes = Inputs.Utf8(SyntheticLog.Plain(Inputs.ScanLines));
        (_lines, _) = Inputs.Read(Inputs.InMemory("scan.log", _bytes), "plain");
    }

    [Benchmark(Description = "scan 100k parsed lines x built-in catalog")]
    public int Scan() => new Scanner(_compiled).Scan(_lines).Findings.Count;

    [Benchmark(Description = "read+scan 100k lines, every line parsed")]
    public int ReadAndScanEveryLine() => ReadAndScan(new LineReadOptions { SkipQuietLines = false });

    [Benchmark(Description = "read+scan 100k lines, fast path, 1 thread")]
    public int ReadAndScanFast() => ReadAndScan(new LineReadOptions { ReadInParallel = false });

    [Benchmark(Description = "read+scan 100k lines, fast path, 2 threads")]
    public int ReadAndScanFastTwoThreads() => ReadAndScan(new LineReadOptions());

    private int ReadAndScan(LineReadOptions reading)
    {
        using var session = new LogReadSession(Inputs.InMemory("scan.log", _bytes), "plain");
        var scan = new Scanner(_compiled).Start();
        session.Read(_compiled, scan, reading);
        return scan.Result().Findings.Count;
    }

    [Benchmark(Description = "load built-in catalog (YAML)")]
    public int LoadCatalog() => CatalogLoader.Load([]).Modes.Count;

    [Benchmark(Description = "compile built-in catalog (plain)")]
    public int CompileCatalog() => new CompiledCatalog(_catalog, "plain").Modes.Count;
}
