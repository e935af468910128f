namespace CiDoctor.Core.Evaluation;

/// <summary>
/// Turns case results into figures as the reference scorer does: each key's values are averaged
/// when the key names a rate (ends in acc, recall, rate, @5, @10, seconds or lines) and summed
/// otherwise (<c>errors</c>), in case order. Adds the majority-class baselines: the share of the
/// most common label, i.e. what always answering it would score.
/// </summary>
public static class EvalAggregator
{
    private static readonly string[] MeanSuffixes = ["acc", "recall", "rate", "@5", "@10", "seconds", "lines"];

    public static EvalReport Aggregate(string root, bool usePass, IReadOnlyList<CaseResult> results)
    {
        var figures = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var extras = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var seconds = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var r in results)
        {
            Add(figures, $"{r.Case.Set}.errors", r.Error is null ? 0 : 1);
            if (r.Error is not null)
            {
                errors.Add($"{r.Case.Name}: {r.Error}");
            }
            if (r.Seconds is double s)
            {
                Add(seconds, $"{r.Case.Set}.seconds", s);
            }
            foreach (var v in r.Values)
            {
                Add(v.Extra ? extras : figures, v.Key, v.Value);
            }
        }
        var cases = results.Where(r => r.Case.Truth is not null).Select(r => r.Case).ToList();
        foreach (string set in EvalSets.Names.Where(s => !EvalSets.IsLineLabelled(s)))
        {
            // The reference scorer computes the kind and origin majority for issues only.
            AddMajorities(set, cases.Where(c => c.Set == set).ToList(), set == EvalSets.Issues ? figures : extras, extras);
        }

        var counts = figures.Concat(extras).ToDictionary(p => p.Key, p => p.Value.Count, StringComparer.Ordinal);
        var perSet = EvalSets.Names
            .Select(s => (Set: s, Count: results.Count(r => r.Case.Set == s)))
            .Where(p => p.Count > 0)
            .ToDictionary(p => p.Set, p => p.Count, StringComparer.Ordinal);
        var reliability = EvalSets.Names
            .Where(s => !EvalSets.IsLineLabelled(s))
            .Select(s => (Set: s, Points: results.Where(r => r.Case.Set == s).Select(r => r.Calibration).OfType<CalibrationPoint>().ToList()))
            .Where(p => p.Points.Count > 0)
            .Select(p => Calibration.Of(p.Set, p.Points))
            .ToList();
        return new EvalReport(root, usePass, perSet, Reduce(figures), Reduce(extras), Sorted(counts), errors, Reduce(seconds), results)
        {
            Reliability = reliability,
        };
    }

    private static void Add(Dictionary<string, List<double>> into, string key, double value)
    {
        if (!into.TryGetValue(key, out var list))
        {
            into[key] = list = [];
        }
        list.Add(value);
    }

    private static SortedDictionary<string, double> Reduce(Dictionary<string, List<double>> values) =>
        new(values.ToDictionary(p => p.Key, p => Reduce(p.Key, p.Value), StringComparer.Ordinal), StringComparer.Ordinal);

    private static SortedDictionary<string, int> Sorted(Dictionary<string, int> values) => new(values, StringComparer.Ordinal);

    // Summed in order, like Python's sum(), so the figures are the same to the last bit.
    private static double Reduce(string key, List<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }
        return MeanSuffixes.Any(s => key.EndsWith(s, StringComparison.Ordinal)) ? sum / values.Count : sum;
    }

    /// <summary>
    /// Majority baselines of a cause-labelled set. Each is stored as one value per case it covers
    /// (a hit when the case has the majority label), so its mean is the majority share and its
    /// count the number of cases.
    /// </summary>
    private static void AddMajorities(string set, List<EvalCase> cases, Dictionary<string, List<double>> kindAndOrigin, Dictionary<string, List<double>> extras)
    {
        var kinds = cases.Select(c => c.Truth!.Category).OfType<string>().ToList();
        if (kinds.Count > 0)
        {
            int top = kinds.CountBy(k => k, StringComparer.Ordinal).Max(p => p.Value);
            AddShare(kindAndOrigin, $"{set}.base.majority.kind_acc", top, kinds.Count);
            // Over every case of the set, labelled or not, as the reference scorer does.
            var environmental = cases.Select(c => c.Truth!.Environmental).ToList();
            int most = Math.Max(environmental.Count(e => e == true), environmental.Count(e => e == false));
            AddShare(kindAndOrigin, $"{set}.base.majority.origin_acc", most, environmental.Count);
        }
        var steps = cases.Select(c => c.Truth!.FailedStep).OfType<string>().Select(s => PyText.Strip(s).ToLowerInvariant()).ToList();
        if (steps.Count > 0)
        {
            // Always answering the most common step (ties: ordinal first), matched as step_acc matches.
            string guess = steps.CountBy(s => s, StringComparer.Ordinal).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
            int right = steps.Count(s => guess.Length > 0 && (guess.Contains(s, StringComparison.Ordinal) || s.Contains(guess, StringComparison.Ordinal)));
            AddShare(extras, $"{set}.base.majority.step_acc", right, steps.Count);
        }
        var exits = cases.Select(c => c.Truth!.ExitCode).OfType<long>().ToList();
        if (exits.Count > 0)
        {
            AddShare(extras, $"{set}.base.majority.exit_acc", exits.CountBy(e => e).Max(p => p.Value), exits.Count);
        }
    }

    private static void AddShare(Dictionary<string, List<double>> into, string key, int hits, int total)
    {
        for (int i = 0; i < total; i++)
        {
            Add(into, key, i < hits ? 1 : 0);
        }
    }
}
