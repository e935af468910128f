using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Matching;

/// <summary>A parsed line with its catalog matches, or a run of quiet lines with the ones a scan may keep already decoded.</summary>
/// <param name="Hits">For a parsed line, the catalog patterns that match it (<see cref="CompiledCatalog.Match(string, List{int})"/>).</param>
/// <param name="Quiet">Null for a parsed line; for a run, its first and last lines as <see cref="ScanPipeline"/> decodes them.</param>
/// <param name="QuietCount">How many lines the run has (most of a long one are not in <paramref name="Quiet"/>).</param>
internal readonly record struct ScanItem(LogLine Line, int[]? Hits, LogLine[]? Quiet, long QuietCount);

/// <summary>
/// Reads a log with <see cref="FastLineReader"/> and hands its lines to a scan in order: on the
/// same thread, or with reading and parsing on a second thread, in batches of a few thousand
/// lines through a queue of a few batches (so memory stays bounded). Of a quiet run it decodes only the
/// lines a scan may look at or keep: the first <c>lead</c> (a finding or candidate just before
/// may still be looking) and the last <c>trail</c> (as many as any ring of kept lines holds).
/// Parsed lines are matched against the catalog here too: with two threads, that balances the
/// reader's work with the scan's (scoring, rings, findings), and only this thread uses the
/// compiled catalog's matcher.
/// </summary>
internal sealed class ScanPipeline(LogReadSession session, CompiledCatalog catalog, IReadOnlyList<(string Literal, bool IgnoreCase)> interesting, int blockBytes, int lead, int trail)
{
    // A batch ends at this many lines (parsed, or decoded lines of quiet runs): what waits in the
    // queue stays a few megabytes whatever the runs are like. And at this many items, so that a
    // batch's array stays under the large object heap's 85,000 bytes: arrays there are only
    // reclaimed by full collections, and the heap grew with the log (226 MB for 1.2 GB).
    private const int BatchLines = 4096;
    private const int BatchItems = 1024;
    private const int QueuedBatches = 4;

    /// <summary>Reads the whole log, giving every item to <paramref name="apply"/> on this thread.</summary>
    public void Run(Action<ScanItem> apply) => Read(apply);

    /// <summary>Reads the whole log on a second thread while <paramref name="apply"/> runs on this one.</summary>
    public void RunOnTwoThreads(Action<ScanItem> apply)
    {
        using var queue = new BlockingCollection<ScanItem[]>(QueuedBatches);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var reader = Task.Factory.StartNew(() =>
        {
            var batch = new List<ScanItem>();
            int lines = 0;
            try
            {
                Read(item =>
                {
                    batch.Add(item);
                    lines += item.Quiet?.Length ?? 1;
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

    private void Read(Action<ScanItem> deliver)
    {
        var sink = new Collector(deliver, catalog, lead, trail);
        session.ReadFast(sink, interesting, sink.Start, blockBytes);
    }

    private sealed class Collector(Action<ScanItem> deliver, CompiledCatalog catalog, int lead, int trail) : ILineSink
    {
        private readonly List<int> _hits = [];
        private readonly List<int> _mayOccur = [];
        private int[] _toCatalog = [];

        public FastLineReader? Reader { get; private set; }

        /// <summary>Called before the first line: where quiet lines' text comes from, and which catalog literal each of the reader's is (-1: a marker, a keyword).</summary>
        public void Start(FastLineReader reader)
        {
            Reader = reader;
            var index = Enumerable.Range(0, catalog.Literals.Count).ToDictionary(i => catalog.Literals[i]);
            _toCatalog = reader.Literals.Select(l => index.GetValueOrDefault(l, -1)).ToArray();
        }

        public void Line(LogLine line, IReadOnlyList<int>? literals)
        {
            _hits.Clear();
            if (literals is null)
            {
                catalog.Match(line.Text, _hits);
            }
            else
            {
                _mayOccur.Clear();
                foreach (int literal in literals)
                {
                    if (_toCatalog[literal] >= 0)
                    {
                        _mayOccur.Add(_toCatalog[literal]);
                    }
                }
                catalog.Match(line.Text, _mayOccur, _hits);
            }
            deliver(new ScanItem(line, _hits.Count == 0 ? [] : [.. _hits], null, 0));
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
            deliver(new ScanItem(default, null, lines, last - first + 1));
        }

        private LogLine Decoded(long number, int step, LineKind kind) =>
            new(number, Finding.Cut(Reader!.QuietText(number)), step, kind);
    }
}
