using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CiDoctor.Testing;

/// <summary>
/// A clock that moves only when the test moves it (a <see cref="FakeTimeProvider"/>), and that
/// records every wait the code under test asks of it (each timer's due time). A test of a retry
/// or a timeout asserts the wait that was asked, then <see cref="Advance"/>s past it: nothing
/// sleeps, nothing depends on how fast the machine is.
/// </summary>
/// <example>
/// <code>
/// var clock = new ManualClock();
/// var call = client.GetJsonAsync(url, cancel);            // answered 429, Retry-After: 1
/// Assert.Equal(TimeSpan.FromSeconds(1), clock.NextWait()); // the retry waits on the clock...
/// clock.Advance(TimeSpan.FromSeconds(1));                  // ...until the test moves it
/// await call;
/// </code>
/// </example>
public sealed class ManualClock : TimeProvider
{
    /// <summary>How long <see cref="NextWait"/> waits for the code under test before failing: a bound for a broken test, never part of a passing one.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time;
    private readonly List<TimeSpan> _waits = [];
    private int _seen;

    /// <param name="start">The clock's time at first; 2026-01-01 00:00 UTC when null.</param>
    public ManualClock(DateTimeOffset? start = null) =>
        _time = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>Every wait asked so far (timers' due times, infinite ones left out), in the order asked.</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_waits)
            {
                return [.. _waits];
            }
        }
    }

    /// <summary>Moves the clock forward; timers that fall due fire.</summary>
    public void Advance(TimeSpan by) => _time.Advance(by);

    /// <summary>
    /// The next wait (after those already returned) that <paramref name="which"/> accepts (any
    /// positive one when null), blocking until the code under test asks for it.
    /// </summary>
    public TimeSpan NextWait(Func<TimeSpan, bool>? which = null)
    {
        which ??= w => w > TimeSpan.Zero;
        lock (_waits)
        {
            var giveUp = DateTime.UtcNow + Patience;
            while (true)
            {
                for (; _seen < _waits.Count; _seen++)
                {
                    if (which(_waits[_seen]))
                    {
                        return _waits[_seen++];
                    }
                }
                var left = giveUp - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !Monitor.Wait(_waits, left) && _seen == _waits.Count)
                {
                    Assert.Fail($"the code under test asked for no such wait in {Patience.TotalSeconds} s; it asked for [{string.Join(", ", _waits)}]");
                }
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => _time.GetUtcNow();

    public override long GetTimestamp() => _time.GetTimestamp();

    public override long TimestampFrequency => _time.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _time.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new RecordingTimer(this, _time.CreateTimer(callback, state, dueTime, period));
        Asked(dueTime);
        return timer;
    }

    private void Asked(TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }
        lock (_waits)
        {
            _waits.Add(dueTime);
            Monitor.PulseAll(_waits);
        }
    }

    // A timer re-armed with Change is a new wait too (CancellationTokenSource.CancelAfter re-arms one).
    private sealed class RecordingTimer(ManualClock clock, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            bool changed = inner.Change(dueTime, period);
            clock.Asked(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
