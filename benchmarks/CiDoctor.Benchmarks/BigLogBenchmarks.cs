using BenchmarkDotNet.Attributes;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Diagnosis;
using CiDoctor.Core.Model;
using CiDoctor.Core.Sources;

namespace CiDoctor.Benchmarks;

/// <summary>
/// Only when <c>CIDOCTOR_BIG_LOG</c> names a file (for example a slice of BIG.log made by
/// ../shared/bench/make-big-log.sh): the whole diagnosis of that file, streamed from disk as
/// <c>cidoctor diagnose FILE</c> does, without process start-up and catalog loading.
/// </summary>
[MemoryDiagnoser]
public class BigLogBenchmarks
{
    public const string Variable = "CIDOCTOR_BIG_LOG";

    private RunDiagnoser _run = null!;
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _path = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path && File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{Variable} must name an existing log file");
        _run = new RunDiagnoser(CatalogLoader.Load([]));
    }

    [Benchmark(Description = "diagnose $CIDOCTOR_BIG_LOG")]
    public RunReport Diagnose() => _run.Diagnose(SourceReader.Read(_path));
}
