using CiDoctor.Core.Model;

namespace CiDoctor.Core.Matching;

/// <summary>What one pass over a log kept: bounded whatever the log's size.</summary>
public sealed class ScanResult
{
    /// <summary>Findings per mode id, first ones first (at most <see cref="ScannerOptions.FindingsPerMode"/> each).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<Finding>> Findings { get; init; }

    /// <summary>How many lines matched each mode, including those not kept.</summary>
    public required IReadOnlyDictionary<string, int> FindingCounts { get; init; }

    /// <summary>Lines that matched a mode's context patterns near its findings, per mode id.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<ContextLine>> Context { get; init; }

    /// <summary>Lines right before and after the first findings of each mode (their block), per mode id.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<ContextLine>> Neighbours { get; init; }

    /// <summary>Factor patterns found anywhere in the log: (mode id, factor index) → first line.</summary>
    public required IReadOnlyDictionary<(string ModeId, int Factor), ContextLine> Factors { get; init; }

    /// <summary>The highest-scoring lines by error vocabulary (and novelty against a baseline), for logs no mode explains.</summary>
    public required IReadOnlyList<ScoredLine> Candidates { get; init; }

    /// <summary>Lines near the candidates (see <see cref="ScannerOptions.Window"/>), in line order.</summary>
    public IReadOnlyList<LogLine> Nearby { get; init; } = [];

    /// <summary>Numbers of the kept lines (nearby and tails) that the baseline's passing log also has.</summary>
    public IReadOnlySet<long> Familiar { get; init; } = new HashSet<long>();

    /// <summary>The last lines of each step, by step index (-1: lines before the first step).</summary>
    public required IReadOnlyDictionary<int, IReadOnlyList<LogLine>> StepTails { get; init; }

    /// <summary>The last lines of the log.</summary>
    public required IReadOnlyList<LogLine> Tail { get; init; }

    /// <summary>Lines the fast reader skipped without parsing (quiet lines; 0 when every line was parsed).</summary>
    public long QuietLines { get; init; }

    /// <summary>
    /// Findings on lines the reader took for a step's echoed script (<see cref="LineKind.Echo"/>),
    /// kept aside: they count only in <see cref="EchoAsOutput"/>.
    /// </summary>
    internal IReadOnlyDictionary<string, IReadOnlyList<Finding>> EchoFindings { get; init; } = new Dictionary<string, IReadOnlyList<Finding>>(StringComparer.Ordinal);

    /// <summary>How many echo lines matched each mode (<see cref="EchoFindings"/>), including those not kept.</summary>
    internal IReadOnlyDictionary<string, int> EchoFindingCounts { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Echo lines with error vocabulary, kept aside as <see cref="EchoFindings"/> are.</summary>
    internal IReadOnlyList<ScoredLine> EchoCandidates { get; init; } = [];

    /// <summary>True when the scan kept anything of echo lines: findings, candidates, or the lines among its kept ones.</summary>
    internal bool HasEcho => EchoFindings.Count > 0 || EchoCandidates.Count > 0 || Kept.Values.Any(l => l.Kind == LineKind.Echo);

    /// <summary>
    /// The scan as it would have been had the echo lines been the step's output: their findings
    /// and candidates join the others, and the kept echo lines are content. What a diagnosis
    /// reads when nothing outside those lines explains the failure (docs/DECISIONS.md, "Hidden
    /// lines count when nothing else explains the failure"). Their findings have no context
    /// lines: the scan looked for context around real findings only.
    /// </summary>
    internal ScanResult EchoAsOutput()
    {
        static LogLine[] AsOutput(IEnumerable<LogLine> lines) =>
            lines.Select(l => l.Kind == LineKind.Echo ? l with { Kind = LineKind.Content } : l).ToArray();
        var findings = new Dictionary<string, IReadOnlyList<Finding>>(Findings, StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(FindingCounts, StringComparer.Ordinal);
        foreach (var (id, list) in EchoFindings)
        {
            findings[id] = findings.TryGetValue(id, out var own) ? own.Concat(list).OrderBy(f => f.Line).ToArray() : list;
            counts[id] = counts.GetValueOrDefault(id) + EchoFindingCounts.GetValueOrDefault(id);
        }
        return new ScanResult
        {
            Findings = findings,
            FindingCounts = counts,
            Context = Context,
            Neighbours = Neighbours,
            Factors = Factors,
            Candidates = Candidates.Concat(EchoCandidates.Select(c => c with { Kind = LineKind.Content })).OrderBy(c => c.Line).ToArray(),
            Nearby = AsOutput(Nearby),
            Familiar = Familiar,
            StepTails = StepTails.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<LogLine>)AsOutput(kv.Value)),
            Tail = AsOutput(Tail),
            QuietLines = QuietLines,
        };
    }

    private SortedDictionary<long, LogLine>? _kept;

    /// <summary>Every kept line (nearby, step tails, tail) by number; built on first use.</summary>
    public SortedDictionary<long, LogLine> Kept => _kept ??= KeepAll();

    private SortedDictionary<long, LogLine> KeepAll()
    {
        var kept = new SortedDictionary<long, LogLine>();
        foreach (var line in Nearby.Concat(StepTails.Values.SelectMany(t => t)).Concat(Tail))
        {
            kept.TryAdd(line.Number, line);
        }
        return kept;
    }
}

/// <summary>A line kept as context: its number, text and the label of the pattern that found it.</summary>
public sealed record ContextLine(long Line, string Text, string? Label);

/// <summary>A line kept for its score.</summary>
public sealed record ScoredLine(long Line, string Text, int Step, int Score, bool Novel, LineKind Kind);
