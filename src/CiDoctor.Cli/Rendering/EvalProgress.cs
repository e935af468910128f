using System.Diagnostics;

namespace CiDoctor.Cli.Rendering;

/// <summary>
/// Progress of <c>cidoctor eval</c> on stderr, never on stdout: on a terminal a counter line
/// redrawn in place (at most 10 times a second) and erased at the end; otherwise (CI logs,
/// tests) one line every 10 s, so short runs print nothing.
/// </summary>
internal sealed class EvalProgress(TextWriter error, bool terminal, int total)
{
    private static readonly TimeSpan TerminalEvery = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(10);
    private readonly Lock _lock = new();
    private readonly long _start = Stopwatch.GetTimestamp();
    private TimeSpan _lastShown;
    private int _shownWidth;

    /// <summary>Called from worker threads with the number of finished cases.</summary>
    public void Report(int done)
    {
        lock (_lock)
        {
            var elapsed = Stopwatch.GetElapsedTime(_start);
            if (elapsed - _lastShown < (terminal ? TerminalEvery : LogEvery) && done < total)
            {
                return;
            }
            _lastShown = elapsed;
            string line = $"cidoctor eval: {done}/{total} cases, {elapsed.TotalSeconds:0} s";
            if (terminal)
            {
                error.Write("\r" + line.PadRight(_shownWidth));
                _shownWidth = line.Length;
            }
            else if (done < total)
            {
                error.WriteLine(line);
            }
        }
    }

    /// <summary>Erases the counter line on a terminal.</summary>
    public void Finish()
    {
        lock (_lock)
        {
            if (terminal && _shownWidth > 0)
            {
                error.Write("\r" + new string(' ', _shownWidth) + "\r");
                error.Flush();
            }
        }
    }
}
