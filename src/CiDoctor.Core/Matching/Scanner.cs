using CiDoctor.Core.Model;

namespace CiDoctor.Core.Matching;

/// <summary>
/// One streaming pass over a log with the compiled catalog: findings of every mode (with their
/// context and factors), scored candidate lines and step tails for evidence when no mode
/// matches. Only bounded windows of lines are kept (see <see cref="ScannerOptions"/>).
/// </summary>
public sealed class Scanner
{
    private const int ContextLinesPerMode = 50;

    /// <summary>Lines before and after a finding kept as its block (the lines a reader would look at).</summary>
    private const int Neighbourhood = 3;

    private readonly CompiledCatalog _catalog;
    private readonly ScannerOptions _options;
    private readonly BaselineSet? _baseline;
    private readonly IReadOnlyList<ILineObserver> _observers;

    public Scanner(CompiledCatalog catalog, ScannerOptions? options = null, BaselineSet? baseline = null, IReadOnlyList<ILineObserver>? observers = null)
    {
        _catalog = catalog;
        _options = options ?? new ScannerOptions();
        _baseline = baseline;
        _observers = observers ?? [];
    }

    public ScanResult Scan(IEnumerable<LogLine> lines)
    {
        var state = new State(_catalog, _options, _baseline);
        var hits = new List<int>();
        foreach (var line in lines)
        {
            string text = line.Text;
            var kept = line with { Text = Finding.Cut(text) };
            hits.Clear();
            _catalog.Match(text, hits);
            foreach (int p in hits)
            {
                var hit = _catalog.Patterns[p];
                // A step's echoed script is configuration: it can show a factor, never a failure.
                if (line.Kind != LineKind.Echo || hit.Role == PatternRole.Factor)
                {
                    state.OnHit(hit, text, kept);
                }
            }
            state.CheckForwardContext(kept);
            bool candidate = Score(state, kept);
            state.Remember(kept, candidate);
            foreach (var observer in _observers)
            {
                observer.Observe(kept);
            }
        }
        return state.Result();
    }

    private bool Score(State state, LogLine line)
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
        state.AddCandidate(new ScoredLine(line.Number, line.Text, line.Step, score, novel, line.Kind));
        return true;
    }

    /// <summary>The mutable state of one scan.</summary>
    private sealed class State(CompiledCatalog catalog, ScannerOptions options, BaselineSet? baseline)
    {
        private readonly Dictionary<string, List<Finding>> _findings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _lastLine = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SortedDictionary<long, ContextLine>> _context = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SortedDictionary<long, ContextLine>> _neighbours = new(StringComparer.Ordinal);
        private readonly Dictionary<(string, int), ContextLine> _factors = [];
        private readonly List<(int Mode, long Line)> _windows = [];
        private readonly RingBuffer<LogLine> _history = new(options.History);
        private readonly RingBuffer<LogLine> _tail = new(options.Tail);
        private readonly Dictionary<int, RingBuffer<LogLine>> _stepTails = [];
        private readonly Queue<int> _stepOrder = new();
        private readonly PriorityQueue<ScoredLine, (int, long)> _candidates = new();
        private readonly CandidateWindows _candidateWindows = new(options.Window, 2 * options.Candidates * (2 * options.Window + 1));

        // How many lines after a finding each mode still looks at: its widest context pattern, or its block.
        private readonly int[] _reach = catalog.Modes
            .Select(m => Math.Max(Neighbourhood, m.Context.Select(c => c.Within).DefaultIfEmpty(0).Max()))
            .ToArray();

        public void OnHit(PatternRef hit, string fullText, LogLine line)
        {
            var mode = catalog.Modes[hit.Mode];
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
            foreach (var unless in catalog.Unless[hit.Mode])
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
            bool familiar = baseline is not null && baseline.Contains(line.Text);
            if (list.Count >= options.FindingsPerMode || familiar && list.Count(f => f.Familiar) >= options.FamiliarFindings)
            {
                return;
            }
            list.Add(new Finding(mode.Id, line.Number, line.Text, line.Step, captures) { Familiar = familiar });
            if (list.Count <= options.ContextFindings)
            {
                LookBack(hit.Mode, line.Number);
                _windows.Add((hit.Mode, line.Number));
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

        public void CheckForwardContext(LogLine line)
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
            var patterns = catalog.Context[mode];
            var id = catalog.Modes[mode].Id;
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
                var spec = catalog.Modes[mode].Context[c];
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

        public void Remember(LogLine line, bool candidate)
        {
            _candidateWindows.Observe(line, candidate, _history);
            _history.Add(line);
            _tail.Add(line);
            if (!_stepTails.TryGetValue(line.Step, out var ring))
            {
                if (_stepTails.Count >= options.StepTails)
                {
                    _stepTails.Remove(_stepOrder.Dequeue());
                }
                _stepTails[line.Step] = ring = new RingBuffer<LogLine>(options.StepTail);
                _stepOrder.Enqueue(line.Step);
            }
            ring.Add(line);
        }

        public void AddCandidate(ScoredLine line)
        {
            // Min-heap on (score, line): the weakest, earliest candidate goes first.
            var priority = (line.Score, line.Line);
            if (_candidates.Count < options.Candidates)
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

        public ScanResult Result()
        {
            var nearby = _candidateWindows.Lines.Values.ToArray();
            var stepTails = _stepTails.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<LogLine>)kv.Value.ToArray());
            var tail = _tail.ToArray();
            var familiar = new HashSet<long>();
            if (baseline is not null)
            {
                var kept = nearby.Concat(stepTails.Values.SelectMany(t => t)).Concat(tail).Select(l => (l.Number, l.Text))
                    .Concat(_neighbours.Values.Concat(_context.Values).SelectMany(d => d.Values).Select(c => (Number: c.Line, c.Text)));
                foreach (var (number, text) in kept)
                {
                    if (text.Length > 0 && baseline.Contains(text))
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
        };
    }
}
