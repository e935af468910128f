using CiDoctor.Core.Model;

namespace CiDoctor.Core.Diagnosis;

/// <summary>
/// Collects a job's evidence in rank order: cause lines first (the root cause's findings), then
/// context (the mode's context patterns, the lines around its first finding, other findings,
/// factors, and the strongest scored lines). Each line appears once, as its first role.
/// </summary>
internal sealed class EvidenceBuilder(int max)
{
    private readonly List<EvidenceLine> _lines = [];
    private readonly HashSet<long> _seen = [];
    private readonly HashSet<string> _annotations = new(StringComparer.Ordinal);

    /// <summary>Lines that must not appear as evidence (known noise).</summary>
    public void Exclude(IEnumerable<long> lines) => _seen.UnionWith(lines);

    public int Count => _lines.Count;

    /// <summary>True when line <paramref name="line"/> may still be added (not excluded, not added yet).</summary>
    public bool Shows(long line) => !_seen.Contains(line);

    public bool Full => _lines.Count >= max;

    public void Add(long line, string text, EvidenceRole role, string? label = null)
    {
        if (Full || !_seen.Add(line))
        {
            return;
        }
        _lines.Add(new EvidenceLine(line, text, role, EvidenceSource.Log, null, label));
    }

    public void AddAnnotation(string text, EvidenceRole role)
    {
        if (!Full && _annotations.Add(text))
        {
            _lines.Add(new EvidenceLine(null, text, role, EvidenceSource.Annotation));
        }
    }

    public IReadOnlyList<EvidenceLine> Build() =>
        _lines.Where(l => l.Role == EvidenceRole.Cause).Concat(_lines.Where(l => l.Role == EvidenceRole.Context)).ToArray();
}
