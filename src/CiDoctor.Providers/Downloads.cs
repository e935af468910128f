namespace CiDoctor.Providers;

/// <summary>Runs log downloads a few at a time (a run can have hundreds of jobs; providers throttle).</summary>
internal static class Downloads
{
    public static async Task RunAsync<T>(IEnumerable<T> items, int parallel, Func<T, CancellationToken, Task> download, CancellationToken cancel)
    {
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel), CancellationToken = cancel },
            async (item, token) => await download(item, token).ConfigureAwait(false)).ConfigureAwait(false);
    }
}
