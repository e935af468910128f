using CiDoctor.Core.Model;

namespace CiDoctor.Core.Matching;

/// <summary>
/// What a scan found on lines the reader took for a step's echoed script
/// (<see cref="LineKind.Echo"/>): a script can name an error without having one, so these are no
/// findings or candidates of the scan. They are kept aside, as bounded as the scan's own, because
/// the reader can be wrong (a log cut inside GitHub's <c>##[group]Run …</c> header, before its
/// <c>##[endgroup]</c>, shows the step's output as echo): the diagnosis counts them when nothing
/// outside them explains the failure (<see cref="ScanResult.EchoAsOutput"/>).
/// </summary>
internal sealed class EchoLines(int findingsPerMode, int candidates)
{
    private readonly Dictionary<string, List<Finding>> _findings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly PriorityQueue<ScoredLine, (int, long)> _candidates = new();

    public void AddFinding(Finding finding)
    {
        if (!_findings.TryGetValue(finding.ModeId, out var list))
        {
            _findings[finding.ModeId] = list = [];
        }
        if (list.Count > 0 && list[^1].Line == finding.Line)
        {
            // One finding per mode and line, however many of its signals match.
            return;
        }
        _counts[finding.ModeId] = _counts.GetValueOrDefault(finding.ModeId) + 1;
        if (list.Count < findingsPerMode)
        {
            list.Add(finding);
        }
    }

    public void AddCandidate(ScoredLine line)
    {
        // As the scan's own: the weakest, earliest candidate goes first.
        var priority = (line.Score, line.Line);
        if (_candidates.Count < candidates)
        {
            _candidates.Enqueue(line, priority);
        }
        else if (_candidates.TryPeek(out _, out var weakest) && priority.CompareTo(weakest) > 0)
        {
            _candidates.EnqueueDequeue(line, priority);
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyList<Finding>> Findings =>
        _findings.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Finding>)kv.Value, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Counts => new Dictionary<string, int>(_counts, StringComparer.Ordinal);

    public IReadOnlyList<ScoredLine> Candidates => _candidates.UnorderedItems.Select(i => i.Element).OrderBy(c => c.Line).ToArray();
}
