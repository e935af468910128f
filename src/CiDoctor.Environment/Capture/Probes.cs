using CiDoctor.Env.Snapshots;

namespace CiDoctor.Env.Capture;

/// <summary>
/// Runs one probe under a time limit and records how it went. A probe that throws or hangs
/// yields its fallback and a failed/timeout <see cref="ProbeResult"/>: capture never fails the job.
/// </summary>
internal sealed class Probes(TimeSpan limit, TimeProvider clock)
{
    private readonly List<ProbeResult> _results = [];

    public IReadOnlyList<ProbeResult> Results
    {
        get
        {
            lock (_results)
            {
                return [.. _results.OrderBy(r => r.Name, StringComparer.Ordinal)];
            }
        }
    }

    public T Run<T>(string name, Func<CancellationToken, T> probe, T fallback)
    {
        using var cancel = new CancellationTokenSource(limit, clock);
        long start = clock.GetTimestamp();
        var task = Task.Run(() => probe(cancel.Token), CancellationToken.None);
        string status = "ok";
        string? error = null;
        T value = fallback;
        try
        {
            // The limit is measured on the injected clock; a hung probe keeps its thread until the process ends, capture goes on.
            value = task.WaitAsync(limit, clock).GetAwaiter().GetResult();
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            status = "timeout";
            error = $"no answer within {limit.TotalSeconds:0.#} s";
            cancel.Cancel();
        }
        catch (Exception e) when (task.IsFaulted || task.IsCanceled)
        {
            status = "failed";
            error = OneLine(e.Message);
        }
        Record(new ProbeResult(name, status, Math.Round(clock.GetElapsedTime(start).TotalMilliseconds, 1), error));
        return value;
    }

    private void Record(ProbeResult result)
    {
        lock (_results)
        {
            _results.Add(result);
        }
    }

    public static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
