using CiDoctor.Providers.Http;

namespace CiDoctor.Providers;

/// <summary>Runs log downloads a few at a time (a run can have hundreds of jobs; providers throttle).</summary>
internal static class Downloads
{
    public static async Task RunAsync<T>(IEnumerable<T> items, int parallel, Func<T, CancellationToken, Task> download, CancellationToken cancel)
    {
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel), CancellationToken = cancel },
            async (item, token) => await download(item, token).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>
    /// Saves a job's log from the first of <paramref name="candidates"/> that serves it, as
    /// <c>logs/NAME-ID.log</c> under <paramref name="folder"/>; returns that relative path, or null
    /// (and a note) when none does: a job whose log is gone (404, 410) is still reported.
    /// </summary>
    public static async Task<string?> JobLogAsync(ApiClient api, IReadOnlyList<Uri> candidates, string folder, string name, string? id, List<string> notes, CancellationToken cancel)
    {
        string log = StatusMap.LogFile(name, id);
        string file = Path.Combine(folder, log);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        string? why = null;
        foreach (var url in candidates)
        {
            try
            {
                if (await api.TryDownloadAsync(url, file, cancel).ConfigureAwait(false))
                {
                    return log;
                }
                why = "404";
            }
            catch (Core.CiDoctorException e) when (e.Message.Contains(" 410 ", StringComparison.Ordinal))
            {
                why = "410, expired";
            }
        }
        lock (notes)
        {
            notes.Add($"{name}: no log ({api.Provider.Name} answered {why ?? "nothing"})");
        }
        return null;
    }
}
