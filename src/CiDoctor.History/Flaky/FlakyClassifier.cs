namespace CiDoctor.History.Flaky;

/// <summary>
/// Classifies a job, step or test from its runs, oldest first (DESIGN.md "History"), in this order:
/// <list type="number">
/// <item><c>persistent</c>: the newest runs all failed with one signature, at least
/// <see cref="MinPersistentRuns"/> of them, and none of their commits ever passed — broken since
/// the streak's first run and commit (a newer failure mode wins over an older flaky past);</item>
/// <item><c>flaky</c>: it passed and failed on one commit, or passed on a retry of a failed run;</item>
/// <item><c>intermittent</c>: it failed sometimes, but never passed where it failed;</item>
/// <item><c>healthy</c>: no failures.</item>
/// </list>
/// Pure: no database, no clock; the stores feed it through <see cref="HistoryAnalyzer"/>.
/// </summary>
public static class FlakyClassifier
{
    /// <summary>
    /// Failed runs a streak needs before it counts as persistent: one failure after passes could be
    /// the first of a flaky series as well as a breaking commit; the second on a new run says which.
    /// </summary>
    public const int MinPersistentRuns = 2;

    public static Classification Classify(IReadOnlyList<Observation> runs)
    {
        int failures = runs.Count(r => r.Failed);
        int flips = 0;
        for (int i = 1; i < runs.Count; i++)
        {
            flips += runs[i].Failed != runs[i - 1].Failed ? 1 : 0;
        }
        bool sameCommit = Mixed(runs, r => r.Commit);
        bool retry = Mixed(runs, r => r.RunId);
        var (streak, streakPassedElsewhere) = Streak(runs);
        string kind = failures == 0 ? Classification.Healthy
            : streak >= MinPersistentRuns && !streakPassedElsewhere ? Classification.Persistent
            : sameCommit || retry ? Classification.Flaky
            : Classification.Intermittent;
        var first = kind == Classification.Persistent ? runs[^streak] : null;
        return new Classification(
            kind,
            runs.Count,
            failures,
            runs.Count == 0 ? 0 : Math.Round((double)failures / runs.Count, 2),
            runs.Count < 2 ? 0 : Math.Round((double)flips / (runs.Count - 1), 2),
            runs.Where(r => r.Failed && r.Commit is not null).Select(r => r.Commit).Distinct(StringComparer.Ordinal).Count(),
            sameCommit || retry,
            first?.Run,
            first?.Commit,
            runs.Count == 0 ? null : runs[^1].At,
            RotatingRuns(runs).Count > 0)
        { StreakRuns = kind == Classification.Persistent ? streak : 0 };
    }

    /// <summary>
    /// Failed runs whose failing tests differ from those of the previous failed run on the same
    /// commit (seed 002: persistent failures of one test point at code, rotating ones at the environment).
    /// </summary>
    public static IReadOnlyList<Observation> RotatingRuns(IReadOnlyList<Observation> runs)
    {
        var previous = new Dictionary<string, Observation>(StringComparer.Ordinal);
        var rotating = new List<Observation>();
        foreach (var run in runs.Where(r => r.Failed && r.Commit is not null))
        {
            if (previous.TryGetValue(run.Commit!, out var before) && before.FailingTests.Count > 0 && run.FailingTests.Count > 0 &&
                !before.FailingTests.ToHashSet(StringComparer.Ordinal).SetEquals(run.FailingTests))
            {
                rotating.Add(run);
            }
            previous[run.Commit!] = run;
        }
        return rotating;
    }

    // A commit (or run id) under which the thing both passed and failed.
    private static bool Mixed(IReadOnlyList<Observation> runs, Func<Observation, string?> key) =>
        runs.Where(r => key(r) is not null)
            .GroupBy(r => key(r)!, StringComparer.Ordinal)
            .Any(g => g.Any(r => r.Failed) && g.Any(r => !r.Failed));

    // The newest failed runs with the newest failure's signature, and whether any of their commits
    // or run ids also passed (then the streak is not proof of a broken commit).
    private static (int Length, bool PassedElsewhere) Streak(IReadOnlyList<Observation> runs)
    {
        if (runs.Count == 0 || !runs[^1].Failed)
        {
            return (0, false);
        }
        string? signature = runs[^1].Signature;
        int length = 0;
        for (int i = runs.Count - 1; i >= 0 && runs[i].Failed && string.Equals(runs[i].Signature, signature, StringComparison.Ordinal); i--)
        {
            length++;
        }
        var streak = runs.Skip(runs.Count - length).ToList();
        var commits = streak.Select(r => r.Commit).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var runIds = streak.Select(r => r.RunId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        bool passed = runs.Any(r => !r.Failed && (r.Commit is not null && commits.Contains(r.Commit) || r.RunId is not null && runIds.Contains(r.RunId)));
        return (length, passed);
    }
}
