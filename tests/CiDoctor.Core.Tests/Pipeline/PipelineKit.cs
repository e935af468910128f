using System.Text;
using System.Text.Json;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;
using CiDoctor.Core.Pipeline;
using CiDoctor.Core.Sources;

namespace CiDoctor.Core.Tests.Pipeline;

/// <summary>Pipelines over the built-in catalog, and enrichers that do one visible thing (or throw) for the pipeline tests.</summary>
internal static class PipelineKit
{
    public static readonly FailureCatalog Modes = CatalogLoader.Load([]);

    public static DiagnosisPipeline Compose(params IReportEnricher[] enrichers) =>
        new(new DiagnosisPipelineOptions(Modes) { Enrichers = enrichers });

    /// <summary>The JSON report of <paramref name="request"/>, rendered by the pipeline, parsed.</summary>
    public static JsonElement Json(DiagnosisPipeline pipeline, DiagnosisRequest request)
    {
        using var run = pipeline.Diagnose(request with { Format = "json" });
        using var output = new StringWriter();
        run.Render(output);
        using var doc = JsonDocument.Parse(output.ToString());
        return doc.RootElement.Clone();
    }

    public static LogSource Log(string name, params string[] lines)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
        return new LogSource(name, name, () => new MemoryStream(bytes));
    }

    /// <summary>Appends <c>"{name}: was here"</c> to the run's notes, so a test can see it ran and in which order.</summary>
    public sealed class Marking(string name) : IReportEnricher, IRunEnrichment
    {
        public string Name => name;

        public IRunEnrichment Begin(RunInput input) => this;

        public RunReport Enrich(RunReport report) =>
            report with { Run = report.Run with { Notes = [.. report.Run.Notes, $"{name}: was here"] } };
    }

    /// <summary>Throws from the step it is told to (starting, a job's baseline, enriching).</summary>
    public sealed class Throwing(string step) : IReportEnricher, IRunEnrichment
    {
        public int BaselinesAsked;

        public string Name => "the throwing enricher";

        public IRunEnrichment Begin(RunInput input) => step == "begin" ? throw new InvalidOperationException("cannot begin") : this;

        public LogSource? BaselineFor(JobInput job)
        {
            Interlocked.Increment(ref BaselinesAsked);
            return step == "baseline" ? throw new IOException("store is gone") : null;
        }

        public RunReport Enrich(RunReport report) => step == "enrich" ? throw new InvalidOperationException("broke\non two lines") : report;
    }

    /// <summary>Gives every job the same passing log as its baseline, and counts what it was asked.</summary>
    public sealed class Baselines(LogSource passing) : IReportEnricher, IRunEnrichment
    {
        public int Asked;

        public string Name => "baselines";

        public IRunEnrichment Begin(RunInput input) => this;

        public LogSource? BaselineFor(JobInput job)
        {
            Interlocked.Increment(ref Asked);
            return passing;
        }

        public RunReport Enrich(RunReport report) => report;
    }
}
