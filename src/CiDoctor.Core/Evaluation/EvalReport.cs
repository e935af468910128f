namespace CiDoctor.Core.Evaluation;

/// <summary>
/// The figures of an evaluation run. <see cref="Figures"/> holds exactly the keys and values the
/// reference scorer (<c>score.py</c>) computes on the same cases, except its <c>*.seconds</c>,
/// which are in <see cref="SecondsPerCase"/> because they are measured in-process here.
/// </summary>
/// <param name="Root">The folder as the user named it.</param>
/// <param name="UsePass">Whether pass.log was given to the diagnosis as its baseline.</param>
/// <param name="CasesPerSet">Cases per set (cidiff, logchunks, issues, formats), sets without cases left out.</param>
/// <param name="Figures">Key (<c>logchunks.hit@10</c>, <c>issues.base.majority.kind_acc</c>) → value, sorted by key.</param>
/// <param name="ExtraBaselines">Baselines the reference scorer does not compute (so that every figure has one), sorted by key.</param>
/// <param name="Counts">For every key of <see cref="Figures"/> and <see cref="ExtraBaselines"/>: how many values it is the mean (or sum) of.</param>
/// <param name="Errors">One line per case that could not be diagnosed or read: <c>case: why</c>, in case order.</param>
/// <param name="SecondsPerCase"><c>&lt;set&gt;.seconds</c>: mean in-process seconds to diagnose a case (no process start).</param>
/// <param name="Results">Every case's result, in case order.</param>
public sealed record EvalReport(
    string Root,
    bool UsePass,
    IReadOnlyDictionary<string, int> CasesPerSet,
    IReadOnlyDictionary<string, double> Figures,
    IReadOnlyDictionary<string, double> ExtraBaselines,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<string> Errors,
    IReadOnlyDictionary<string, double> SecondsPerCase,
    IReadOnlyList<CaseResult> Results)
{
    /// <summary>Wall-clock seconds of the whole run (set by the host; not part of the deterministic output).</summary>
    public double? WallSeconds { get; init; }

    /// <summary>Per cause-labelled set with cases: accuracy per confidence band and the calibration figures.</summary>
    public IReadOnlyList<Reliability> Reliability { get; init; } = [];

    public int Cases => Results.Count;

    /// <summary>A figure or an extra baseline by key, or null when it was not computed.</summary>
    public double? Value(string key) =>
        Figures.TryGetValue(key, out double f) ? f : ExtraBaselines.TryGetValue(key, out double e) ? e : null;

    public bool IsExtra(string key) => ExtraBaselines.ContainsKey(key);
}
