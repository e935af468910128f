using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;
using CiDoctor.Core.Secrets;
using CiDoctor.Core.Sources;

namespace CiDoctor.Core.Pipeline;

/// <summary>
/// One enricher's part of one run, guarded: the first exception it throws (starting, giving a
/// baseline, enriching) stops it for this run and becomes one note in the report, which is
/// otherwise left as the enricher found it. The diagnosis stands without what it would add.
/// </summary>
internal sealed class GuardedEnrichment
{
    private readonly string _name;
    private readonly IRunEnrichment? _inner;
    private string? _failure;

    private GuardedEnrichment(string name, IRunEnrichment? inner, string? failure)
    {
        _name = name;
        _inner = inner;
        _failure = failure;
    }

    public static GuardedEnrichment Begin(IReportEnricher enricher, RunInput input)
    {
        string name = enricher.Name;
        try
        {
            return new GuardedEnrichment(name, enricher.Begin(input), null);
        }
        catch (Exception e) when (!IsFatal(e))
        {
            return new GuardedEnrichment(name, null, Reason(e));
        }
    }

    /// <summary>The enrichment's baseline for <paramref name="job"/>; null once it has failed (called from worker threads).</summary>
    public LogSource? BaselineFor(JobInput job)
    {
        if (_inner is null || Volatile.Read(ref _failure) is not null)
        {
            return null;
        }
        try
        {
            return _inner.BaselineFor(job);
        }
        catch (Exception e) when (!IsFatal(e))
        {
            Interlocked.CompareExchange(ref _failure, Reason(e), null);
            return null;
        }
    }

    public RunReport Enrich(RunReport report)
    {
        if (_inner is not null && _failure is null)
        {
            try
            {
                return _inner.Enrich(report);
            }
            catch (Exception e) when (!IsFatal(e))
            {
                _failure = Reason(e);
            }
        }
        string note = SecretMasker.MaskText($"{_name} left out of this report: {_failure}");
        return report with { Run = report.Run with { Notes = [.. report.Run.Notes, note] } };
    }

    // Running out of memory or being cancelled is the whole request's failure, not this enricher's.
    private static bool IsFatal(Exception e) => e is OutOfMemoryException or OperationCanceledException;

    // One line: a CiDoctorException says what to do already; anything else is named by its type.
    private static string Reason(Exception e) =>
        (e is CiDoctorException ? e.Message : $"{e.GetType().Name}: {e.Message}").ReplaceLineEndings(" ");
}
