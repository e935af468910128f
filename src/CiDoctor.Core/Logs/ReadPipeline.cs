using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Logs;

/// <summary>A parsed line with what the matcher found in it, or a run of quiet lines with the ones observers may look at already decoded.</summary>
/// <param name="Matches">For a parsed line, what <see cref="ILineMatcher.Match"/> found; null for a quiet run.</param>
internal readonly record struct LineItem(LogLine Line, int[]? Matches, QuietRun Quiet);

/// <summary>
/// Reads a log with <see cref="FastLineReader"/> and hands its lines on in order: on the same
/// thread, or with reading, parsing and matching on a second thread, in batches of a few thousand
/// lines through a queue of a few batches (so memory stays bounded). Of a quiet run it decodes only the
/// lines observers may look at or keep: the first <c>lead</c> (an observer that reacted to a line
/// just before may still be looking) and the last <c>trail</c> (as many as any observer keeps).
/// Parsed lines go through the matcher here too: with two threads, that balances the reader's
/// work with the observers' (scoring, rings, findings), and only this thread uses the matcher.
/// </summary>
internal sealed class ReadPipeline(LogReadSession session, ILineMatcher matcher, IReadOnlyList<(string Literal, bool IgnoreCase)> interesting, int blockBytes, int lead, int trail)
{
    // A batch ends at this many lines (parsed, or decoded lines of quiet runs): what waits in the
    // queue stays a few megabytes whatever the runs are like. And at this many items, so that a
    // batch's array stays under the large object heap's 85,000 bytes: arrays there are only
    // reclaimed by full collections, and the heap grew with the log (226 MB for 1.2 GB).
    private const int BatchLines = 4096;
    private const int BatchItems = 1024;
    private const int QueuedBatches = 4;

    /// <summary>Reads the whole log, giving every item to <paramref name="apply"/> on this thread.</summary>
    public void Run(Action<LineItem> apply) => Read(apply);

    /// <summary>Reads the whole log on a second thread while <paramref name="apply"/> runs on this one.</summary>
    public void RunOnTwoThreads(Action<LineItem> apply)
    {
        using var queue = new BlockingCollection<LineItem[]>(QueuedBatches);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var reader = Task.Factory.StartNew(() =>
        {
            var batch = new List<LineItem>();
            int lines = 0;
            try
            {
                Read(item =>
                {
                    batch.Add(item);
                    lines += item.Matches is null ? item.Quiet.Decoded.Length : 1;
                    if (lines >= BatchLines || batch.Count >= BatchItems)
                    {
                        queue.Add([.. batch], stop.Token);
                        batch.Clear();
                        lines = 0;
                    }
                });
                queue.Add([.. batch], stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The scan failed: it no longer wants lines.
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable())
            {
                foreach (var item in batch)
                {
                    apply(item);
                }
            }
        }
        finally
        {
            // On a failure here, stop the reader and let it finish before the session closes.
            stop.Cancel();
            reader.Wait();
        }
        failure?.Throw();
    }

    private void Read(Action<LineItem> deliver)
    {
        var sink = new Collector(deliver, matcher, lead, trail);
        session.ReadFast(sink, interesting, sink.Start, blockBytes);
    }

    private sealed class Collector(Action<LineItem> deliver, ILineMatcher matcher, int lead, int trail) : ILineSink
    {
        private readonly List<int> _mayOccur = [];
        private int[] _toMatcher = [];

        public FastLineReader? Reader { get; private set; }

        /// <summary>Called before the first line: where quiet lines' text comes from, and which of the matcher's literals each of the reader's is (-1: a marker, a keyword).</summary>
        public void Start(FastLineReader reader)
        {
            Reader = reader;
            var literals = matcher.Literals ?? [];
            var index = new Dictionary<(string, bool), int>();
            for (int i = 0; i < literals.Count; i++)
            {
                index.TryAdd(literals[i], i);
            }
            _toMatcher = reader.Literals.Select(l => index.GetValueOrDefault(l, -1)).ToArray();
        }

        public void Line(LogLine line, IReadOnlyList<int>? literals)
        {
            IReadOnlyList<int>? mayOccur = null;
            if (literals is not null)
            {
                _mayOccur.Clear();
                foreach (int literal in literals)
                {
                    if (_toMatcher[literal] >= 0)
                    {
                        _mayOccur.Add(_toMatcher[literal]);
                    }
                }
                mayOccur = _mayOccur;
            }
            deliver(new LineItem(line, matcher.Match(line.Text, mayOccur), default));
        }

        public void Quiet(long first, long last, int step, LineKind kind)
        {
            long leadEnd = Math.Min(last, first + lead - 1);
            long trailStart = Math.Max(leadEnd + 1, last - trail + 1);
            var lines = new LogLine[leadEnd - first + 1 + (last - trailStart + 1)];
            int i = 0;
            for (long n = first; n <= leadEnd; n++)
            {
                lines[i++] = Decoded(n, step, kind);
            }
            for (long n = trailStart; n <= last; n++)
            {
                lines[i++] = Decoded(n, step, kind);
            }
            deliver(new LineItem(default, null, new QuietRun(first, last, lines)));
        }

        private LogLine Decoded(long number, int step, LineKind kind) =>
            new(number, Finding.Cut(Reader!.QuietText(number)), step, kind);
    }
}
