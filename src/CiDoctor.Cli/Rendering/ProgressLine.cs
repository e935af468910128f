using System.Diagnostics;

namespace CiDoctor.Cli.Rendering;

/// <summary>
/// A progress line on stderr, never on stdout: on a terminal a line redrawn in place (at most 10
/// times a second, and only once the command has run for half a second, so quick commands show
/// nothing) and erased at the end; otherwise (CI logs, tests) one line every 10 s, so short runs
/// print nothing. Safe to call from worker threads.
/// </summary>
internal sealed class ProgressLine(TextWriter error, bool terminal)
{
    private static readonly TimeSpan TerminalEvery = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan TerminalAfter = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(10);
    private readonly Lock _lock = new();
    private readonly long _start = Stopwatch.GetTimestamp();
    private TimeSpan _lastShown;
    private int _shownWidth;

    /// <summary>Time since the command started.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_start);

    /// <summary>Shows the line <paramref name="text"/> builds, when it is time to; <paramref name="text"/> gets the elapsed time.</summary>
    public void Update(Func<TimeSpan, string> text)
    {
        var elapsed = Elapsed;
        if (elapsed - _lastShown < (terminal ? TerminalEvery : LogEvery) || (terminal && elapsed < TerminalAfter))
        {
            return;   // the common case, without the lock: most updates are not shown
        }
        lock (_lock)
        {
            if (elapsed - _lastShown < (terminal ? TerminalEvery : LogEvery))
            {
                return;
            }
            _lastShown = elapsed;
            string line = text(elapsed);
            if (terminal)
            {
                error.Write("\r" + line.PadRight(_shownWidth));
                error.Flush();
                _shownWidth = line.Length;
            }
            else
            {
                error.WriteLine(line);
            }
        }
    }

    /// <summary>Erases the line on a terminal.</summary>
    public void Finish()
    {
        lock (_lock)
        {
            if (terminal && _shownWidth > 0)
            {
                error.Write("\r" + new string(' ', _shownWidth) + "\r");
                error.Flush();
                _shownWidth = 0;
            }
        }
    }
}
