using BenchmarkDotNet.Attributes;
using CiDoctor.History.Clustering;

namespace CiDoctor.Benchmarks;

/// <summary>
/// <see cref="FailureClusterer"/> on 10,000 varied failure texts from the dev logs
/// (<see cref="FailureTexts"/>): adding them and building the clusters. The 1,000,000-text
/// figure of issue 6 comes from the console mode (<c>-- cluster 1000000</c>, see <see cref="ClusterRun"/>).
/// </summary>
[MemoryDiagnoser]
public class ClusteringBenchmarks
{
    private (string Text, FailureMetadata Meta)[] _texts = [];

    [GlobalSetup]
    public void Setup() => _texts = FailureTexts.Generate(FailureTexts.Templates(FailureTexts.DevFolder()), 10_000);

    [Benchmark(Description = "cluster 10k failure texts")]
    public int Cluster()
    {
        var clusterer = new FailureClusterer();
        foreach (var (text, meta) in _texts)
        {
            clusterer.Add(text, meta);
        }
        return clusterer.Clusters.Count;
    }
}
