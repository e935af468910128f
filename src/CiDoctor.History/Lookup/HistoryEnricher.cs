using CiDoctor.Core.Pipeline;
using CiDoctor.Core.Sources;

namespace CiDoctor.History.Lookup;

/// <summary>
/// Run history in the diagnosis pipeline (<c>diagnose --db</c>), read only: each job is diagnosed
/// against its last green log when the request has no baseline of its own, and its report gets
/// its classification over the last <paramref name="window"/> runs (<see cref="HistoryLookup"/>).
/// The store is the caller's to open (a bad <c>--db</c> fails before any scan) and to close.
/// </summary>
public sealed class HistoryEnricher(IRunStore store, int window = 50) : IReportEnricher
{
    public string Name => "run history";

    public IRunEnrichment Begin(RunInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new HistoryLookup(store, input.Run, window);
    }
}
