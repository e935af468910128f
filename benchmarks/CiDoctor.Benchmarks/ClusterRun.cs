using System.Diagnostics;
using System.Globalization;
using CiDoctor.History.Clustering;

namespace CiDoctor.Benchmarks;

/// <summary>
/// The console mode behind docs/PERFORMANCE.md's clustering figure: generates N failure texts
/// (<see cref="FailureTexts"/>), then times adding them to a <see cref="FailureClusterer"/> and
/// building the clusters, and prints wall time, clusters, signatures and peak memory.
/// <c>dotnet run -c Release --project benchmarks/CiDoctor.Benchmarks -- cluster 1000000</c>
/// </summary>
public static class ClusterRun
{
    public static int Run(string[] args)
    {
        int count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var watch = Stopwatch.StartNew();
        var templates = FailureTexts.Templates(FailureTexts.DevFolder());
        var texts = FailureTexts.Generate(templates, count);
        Console.WriteLine($"{templates.Count} error-looking template lines; {count} texts generated in {watch.Elapsed.TotalSeconds:0.0} s");
        long before = GC.GetTotalMemory(forceFullCollection: true);

        watch.Restart();
        var clusterer = new FailureClusterer();
        foreach (var (text, meta) in texts)
        {
            clusterer.Add(text, meta);
        }
        double added = watch.Elapsed.TotalSeconds;
        var clusters = clusterer.Clusters;
        double total = watch.Elapsed.TotalSeconds;

        long retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(texts);
        Console.WriteLine($"clustered {count} texts in {total:0.00} s (add {added:0.00} s, group {total - added:0.00} s): " +
            $"{clusterer.SignatureCount} signatures, {clusters.Count} clusters ({clusters.Count(c => c.Count > 1)} with 2+ texts); " +
            $"clusterer holds {retained / 1e6:0} MB; process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB");
        foreach (var c in clusters.Take(5))
        {
            Console.WriteLine($"  {c.Id} ×{c.Count} {c.Signatures.Count} signatures: {c.Signature[..Math.Min(100, c.Signature.Length)]}");
        }
        return 0;
    }
}
