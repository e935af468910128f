using CiDoctor.Core.Sources;

namespace CiDoctor.Core.Pipeline;

/// <summary>
/// Adds to a diagnosis what the logs alone cannot say: run history, an environment snapshot, the
/// lines around the evidence. The pipeline calls <see cref="Begin"/> once per run, before its
/// jobs are diagnosed, so per-run state lives in the returned <see cref="IRunEnrichment"/> and one
/// enricher serves concurrent runs. See docs/DECISIONS.md "The diagnosis pipeline".
/// </summary>
public interface IReportEnricher
{
    /// <summary>What it adds, as a report's note names it when it fails ("run history").</summary>
    string Name { get; }

    /// <summary>Starts on one run; <paramref name="input"/> is what the sources read (run.json's facts, the jobs and their logs).</summary>
    IRunEnrichment Begin(RunInput input);
}
