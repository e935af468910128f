using BenchmarkDotNet.Attributes;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Diagnosis;
using CiDoctor.Core.Model;
using CiDoctor.Core.Reports;
using CiDoctor.Core.Sources;

namespace CiDoctor.Benchmarks;

/// <summary>Report rendering of the diagnosed nix-disk-full sample (11 jobs, one root cause).</summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private readonly JsonReportRenderer _json = new();
    private readonly MarkdownReportRenderer _markdown = new();
    private readonly StringWriter _output = new();
    private RunReport _report = null!;

    [GlobalSetup]
    public void Setup() =>
        _report = new RunDiagnoser(CatalogLoader.Load([])).Diagnose(SourceReader.Read(Inputs.Sample("nix-disk-full")));

    [Benchmark(Description = "render JSON")]
    public int RenderJson() => Render(_json);

    [Benchmark(Description = "render Markdown")]
    public int RenderMarkdown() => Render(_markdown);

    private int Render(IReportRenderer renderer)
    {
        _output.GetStringBuilder().Clear();
        renderer.Render(_report, _output);
        return _output.GetStringBuilder().Length;
    }
}
