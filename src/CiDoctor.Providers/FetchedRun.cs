using CiDoctor.Core.Model;

namespace CiDoctor.Providers;

/// <summary>A run as a provider described it, with its logs saved in a folder: what run.json holds.</summary>
/// <param name="Notes">What could not be known (needs not readable, a log that expired), said in the report.</param>
public sealed record FetchedRun(RunInfo Run, int? Attempt, IReadOnlyList<RunJob> Jobs, IReadOnlyList<string> Notes);

/// <summary>What to fetch.</summary>
/// <param name="AllLogs">Every job's log (fetch, history); else only failed jobs' (diagnose).</param>
/// <param name="ParallelDownloads">Logs downloaded at once.</param>
public sealed record FetchOptions(bool AllLogs = true, int ParallelDownloads = 4);

/// <summary>One provider's client.</summary>
internal interface IRunFetcher
{
    Task<FetchedRun> FetchAsync(RunUrl url, string folder, FetchOptions options, CancellationToken cancel);
}
