using BenchmarkDotNet.Running;
using CiDoctor.Benchmarks;

// The suites of docs/PERFORMANCE.md; see benchmarks/README.md. Run by hand, never in CI:
//   dotnet run -c Release --project benchmarks/CiDoctor.Benchmarks -- --filter '*'
//   dotnet run -c Release --project benchmarks/CiDoctor.Benchmarks -- cluster 1000000
if (args.Length > 0 && args[0] == "cluster")
{
    return ClusterRun.Run(args);
}
var suites = new List<Type>
{
    typeof(ReaderBenchmarks),
    typeof(ScannerBenchmarks),
    typeof(RankingBenchmarks),
    typeof(RenderBenchmarks),
    typeof(ClusteringBenchmarks),
};
if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(BigLogBenchmarks.Variable)))
{
    suites.Add(typeof(BigLogBenchmarks));
}
BenchmarkSwitcher.FromTypes([.. suites]).Run(args);
return 0;
