using CiDoctor.Core.Diagnosis;
using CiDoctor.Core.Model;
using CiDoctor.Core.Sources;

namespace CiDoctor.Core.Pipeline;

/// <summary>
/// The lines around each job's evidence (<see cref="LogExcerpts"/>), added by the pipeline after
/// every other enricher when the request's renderer shows them: reading them costs a second pass
/// over each log.
/// </summary>
internal sealed class ExcerptEnricher : IReportEnricher
{
    public static ExcerptEnricher Instance { get; } = new();

    public string Name => "the lines around the evidence";

    public IRunEnrichment Begin(RunInput input) => new Run(input);

    private sealed class Run(RunInput input) : IRunEnrichment
    {
        public RunReport Enrich(RunReport report) => LogExcerpts.Attach(report, input);
    }
}
