using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Matching;

/// <summary>
/// One scan of one log (<see cref="Scanner.Start"/>): the line observer a read pushes the log's
/// lines to, with the compiled catalog as the read's matcher. Keeps findings with their context
/// and factors, scored candidates and the rings of last lines; <see cref="Result"/> sums it up.
/// </summary>
public sealed class ScanObserver : ILineObserver
{
    private const int ContextLinesPerMode = 50;

    /// <summary>Lines before and after a finding kept as its block (the lines a reader would look at).</summary>
    private const int Neighbourhood = 3;

    private static readonly (string, bool)[] Keywords = LineScorer.KeywordList.Select(k => (k, true)).ToArray();

    private readonly CompiledCatalog _catalog;
    private readonly ScannerOptions _options;
    private readonly BaselineSet? _baseline;
    private readonly List<int> _hits = [];
    private readonly Dictionary<string, List<Finding>> _findings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastLine = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<long, ContextLine>> _context = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<long, ContextLine>> _neighbours = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, int), ContextLine> _factors = [];
    private readonly List<(int Mode, long Line)> _windows = [];
    private readonly RingBuffer<LogLine> _history;
    private readonly RingBuffer<LogLine> _tail;
    private readonly Dictionary<int, RingBuffer<LogLine>> _stepTails = [];
    private readonly Queue<int> _stepOrder = new();
    private readonly PriorityQueue<ScoredLine, (int, long)> _candidates = new();
    private readonly CandidateWindows _candidateWindows;

    private long _quietLines;

    // How many lines after a finding each mode still looks at: its widest context pattern, or its block.
    private readonly int[] _reach;

    internal ScanObserver(CompiledCatalog catalog, ScannerOptions options, BaselineSet? baseline)
    {
        _catalog = catalog;
        _options = options;
        _baseline = baseline;
        _history = new(_options.History);
        _tail = new(_options.Tail);
        _candidateWindows = new(_options.Window, 2 * _options.Candidates * (2 * _options.Window + 1));
        _reach = _catalog.Modes
            .Select(m => Math.Max(Neighbourhood, m.Context.Select(c => c.Within).DefaultIfEmpty(0).Max()))
            .ToArray();
    }

    /// <summary>The scorer's keywords: a line without one, and without a catalog literal, scores nothing and matches nothing.</summary>
    public IReadOnlyList<(string Literal, bool IgnoreCase)> Markers => Keywords;

    /// <summary>Quiet lines a run must show decoded at its start: as far as a finding or candidate before it looks ahead.</summary>
    public int QuietLead => Math.Max(_options.Window, _reach.DefaultIfEmpty(0).Max());

    /// <summary>Quiet lines a run must show decoded at its end: as many as any ring keeps.</summary>
    public int QuietTrail => Math.Max(_options.History, Math.Max(_options.Tail, _options.StepTail));

    // Lines up to this one are still looked at by a finding's context or a candidate's block.
    private long _parseThrough;

    /// <summary>A line read, with the catalog patterns that match it (indexes into <see cref="CompiledCatalog.Patterns"/>).</summary>
    public void Line(in LogLine line, int[] matches) => OnLine(line, matches);

    public void Quiet(in QuietRun run)
    {
        // Lines still looked at go through the whole path (nothing matches them); the others
        // only pass through the rings, where only the last ones of a long run stay.
        foreach (var line in run.Decoded)
        {
            if (line.Number <= _parseThrough)
            {
                // A quiet line holds no catalog literal: nothing to match.
                OnLine(line, []);
            }
            else
            {
                _history.Add(line);
                _tail.Add(line);
                StepTail(line.Step).Add(line);
            }
        }
        _quietLines += run.Count;
    }

    /// <summary>A line not yet matched.</summary>
    internal void Line(LogLine line)
    {
        _hits.Clear();
        _catalog.Match(line.Text, _hits);
        OnLine(line, _hits);
    }

    /// <summary>A line whose catalog matches (<paramref name="hits"/>) were found already.</summary>
    private void OnLine(LogLine line, IReadOnlyList<int> hits)
    {
        string text = line.Text;
        var kept = line with { Text = Finding.Cut(text) };
        foreach (int p in hits)
        {
            var hit = _catalog.Patterns[p];
            // A step's echoed script is configuration: it can show a factor, never a failure.
            if (line.Kind != LineKind.Echo || hit.Role == PatternRole.Factor)
            {
                OnHit(hit, text, kept);
            }
        }
        CheckForwardContext(kept);
        bool candidate = Score(kept);
        Remember(kept, candidate);
    }

    private bool Score(LogLine line)
    {
        if (line.Kind == LineKind.Echo)
        {
            return false;
        }
        int score = LineScorer.Score(line.Text);
        if (score <= 0)
        {
            return false;
        }
        bool novel = true;
        if (_baseline is not null)
        {
            novel = !_baseline.Contains(line.Text);
            score += novel ? 2 : -3;
            if (score <= 0)
            {
                return false;
            }
        }
        AddCandidate(new ScoredLine(line.Number, line.Text, line.Step, score, novel, line.Kind));
        return true;
    }

    private void OnHit(PatternRef hit, string fullText, LogLine line)
    {
        var mode = _catalog.Modes[hit.Mode];
        if (hit.Role == PatternRole.Factor)
        {
            _factors.TryAdd((mode.Id, hit.Index), new ContextLine(line.Number, line.Text, null));
            return;
        }
        // One finding per mode and line, however many of its signals match.
        if (_lastLine.TryGetValue(mode.Id, out long last) && last == line.Number)
        {
            return;
        }
        foreach (var unless in _catalog.Unless[hit.Mode])
        {
            if (unless.IsMatch(fullText))
            {
                return;
            }
        }
        var captures = hit.Pattern.MatchCaptures(fullText);
        if (captures is null)
        {
            return;
        }
        _lastLine[mode.Id] = line.Number;
        _counts[mode.Id] = _counts.GetValueOrDefault(mode.Id) + 1;
        if (!_findings.TryGetValue(mode.Id, out var list))
        {
            _findings[mode.Id] = list = [];
        }
        // A line the passing log also has did not fail this run; keep a few such findings,
        // and room for the new ones.
        bool familiar = _baseline is not null && _baseline.Contains(line.Text);
        if (list.Count >= _options.FindingsPerMode || familiar && list.Count(f => f.Familiar) >= _options.FamiliarFindings)
        {
            return;
        }
        list.Add(new Finding(mode.Id, line.Number, line.Text, line.Step, captures) { Familiar = familiar });
        if (list.Count <= _options.ContextFindings)
        {
            LookBack(hit.Mode, line.Number);
            _windows.Add((hit.Mode, line.Number));
            _parseThrough = Math.Max(_parseThrough, line.Number + _reach[hit.Mode]);
        }
    }

    private void LookBack(int mode, long at)
    {
        for (int i = 0; i < _history.Count; i++)
        {
            var previous = _history[i];
            CheckContext(mode, at, previous);
        }
    }

    private void CheckForwardContext(LogLine line)
    {
        for (int w = _windows.Count - 1; w >= 0; w--)
        {
            var (mode, at) = _windows[w];
            if (line.Number - at > _reach[mode])
            {
                _windows.RemoveAt(w);
                continue;
            }
            CheckContext(mode, at, line);
        }
    }

    private void CheckContext(int mode, long at, LogLine line)
    {
        var patterns = _catalog.Context[mode];
        var id = _catalog.Modes[mode].Id;
        if (line.Number != at && Math.Abs(line.Number - at) <= Neighbourhood && line.Text.Length > 0)
        {
            if (!_neighbours.TryGetValue(id, out var near))
            {
                _neighbours[id] = near = [];
            }
            near.TryAdd(line.Number, new ContextLine(line.Number, line.Text, null));
        }
        for (int c = 0; c < patterns.Length; c++)
        {
            var spec = _catalog.Modes[mode].Context[c];
            if (Math.Abs(line.Number - at) > spec.Within || line.Number == at)
            {
                continue;
            }
            if (!patterns[c].IsMatch(line.Text))
            {
                continue;
            }
            if (!_context.TryGetValue(id, out var lines))
            {
                _context[id] = lines = [];
            }
            if (lines.Count < ContextLinesPerMode)
            {
                lines.TryAdd(line.Number, new ContextLine(line.Number, line.Text, spec.Label));
            }
        }
    }

    private void Remember(LogLine line, bool candidate)
    {
        if (candidate)
        {
            _parseThrough = Math.Max(_parseThrough, line.Number + _options.Window);
        }
        _candidateWindows.Observe(line, candidate, _history);
        _history.Add(line);
        _tail.Add(line);
        StepTail(line.Step).Add(line);
    }

    private RingBuffer<LogLine> StepTail(int step)
    {
        if (!_stepTails.TryGetValue(step, out var ring))
        {
            if (_stepTails.Count >= _options.StepTails)
            {
                _stepTails.Remove(_stepOrder.Dequeue());
            }
            _stepTails[step] = ring = new RingBuffer<LogLine>(_options.StepTail);
            _stepOrder.Enqueue(step);
        }
        return ring;
    }

    private void AddCandidate(ScoredLine line)
    {
        // Min-heap on (score, line): the weakest, earliest candidate goes first.
        var priority = (line.Score, line.Line);
        if (_candidates.Count < _options.Candidates)
        {
            _candidates.Enqueue(line, priority);
            return;
        }
        _candidates.TryPeek(out _, out var weakest);
        if (priority.CompareTo(weakest) > 0)
        {
            _candidates.EnqueueDequeue(line, priority);
            _candidateWindows.Trim(_candidates.UnorderedItems.Select(i => i.Element.Line));
        }
    }

    /// <summary>What the scan kept, once the read is over.</summary>
    public ScanResult Result()
    {
        var nearby = _candidateWindows.Lines.Values.ToArray();
        var stepTails = _stepTails.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<LogLine>)kv.Value.ToArray());
        var tail = _tail.ToArray();
        var familiar = new HashSet<long>();
        if (_baseline is not null)
        {
            var kept = nearby.Concat(stepTails.Values.SelectMany(t => t)).Concat(tail).Select(l => (l.Number, l.Text))
                .Concat(_neighbours.Values.Concat(_context.Values).SelectMany(d => d.Values).Select(c => (Number: c.Line, c.Text)));
            foreach (var (number, text) in kept)
            {
                if (text.Length > 0 && _baseline.Contains(text))
                {
                    familiar.Add(number);
                }
            }
        }
        return Build(nearby, stepTails, tail, familiar);
    }

    private ScanResult Build(LogLine[] nearby, Dictionary<int, IReadOnlyList<LogLine>> stepTails, LogLine[] tail, HashSet<long> familiar) => new()
    {
        Findings = _findings.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Finding>)kv.Value, StringComparer.Ordinal),
        FindingCounts = new Dictionary<string, int>(_counts, StringComparer.Ordinal),
        Context = _context.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<ContextLine>)kv.Value.Values.ToArray(), StringComparer.Ordinal),
        Neighbours = _neighbours.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<ContextLine>)kv.Value.Values.ToArray(), StringComparer.Ordinal),
        Factors = new Dictionary<(string, int), ContextLine>(_factors),
        Candidates = _candidates.UnorderedItems.Select(i => i.Element).OrderBy(c => c.Line).ToArray(),
        StepTails = stepTails,
        Tail = tail,
        Nearby = nearby,
        Familiar = familiar,
        QuietLines = _quietLines,
    };
}
