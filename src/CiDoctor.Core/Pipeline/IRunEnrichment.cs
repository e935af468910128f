using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;
using CiDoctor.Core.Sources;

namespace CiDoctor.Core.Pipeline;

/// <summary>One enricher's work on one run (see <see cref="IReportEnricher"/>).</summary>
public interface IRunEnrichment
{
    /// <summary>
    /// A passing log of the same job to diagnose it against (its last green log in history), or
    /// null. Asked from the diagnoser's worker threads, for each job with a log, only when the
    /// request gives no baseline of its own; the first enrichment with an answer wins.
    /// </summary>
    LogSource? BaselineFor(JobInput job) => null;

    /// <summary>
    /// The report with what this enrichment adds; called after the diagnosis, in the order the
    /// enrichers were composed, each seeing the previous one's report. Return a changed copy,
    /// never a half-changed one: an exception leaves the report as it was, with a note.
    /// </summary>
    RunReport Enrich(RunReport report);
}
