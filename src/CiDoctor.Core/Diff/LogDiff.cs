using System.Collections;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Matching;

namespace CiDoctor.Core.Diff;

/// <summary>
/// What is new in a failing log compared with a passing log of the same job. Lines are compared
/// masked (<see cref="LineMasker"/>: times, durations, ids, hashes, temp paths, ports), so a line
/// that only changed its numbers is the same line. A fail line is then
/// <list type="bullet">
/// <item><b>unchanged</b> when the alignment (<see cref="LineAligner"/>) pairs it with an equal pass line;</item>
/// <item><b>moved</b> when an equal pass line exists that the alignment left elsewhere;</item>
/// <item><b>updated</b> when a removed pass line nearby is nearly equal (<see cref="UpdateRule"/>);</item>
/// <item><b>new</b> otherwise — and a blank line between two new lines belongs to their block.</item>
/// </list>
/// Memory: each log is read as 64-bit hashes (8 bytes a line, plus a few ints a line for the
/// alignment), then read a second time to fetch only the texts the answer needs: fail lines
/// absent from the pass log with their context, and at most
/// <see cref="LogDiffOptions.UpdateCandidates"/> removed pass lines per such line. Neither log is
/// held as text, so a 100 MB log costs tens of MB, not hundreds.
/// </summary>
public static class LogDiff
{
    private const ulong Blank = 0;

    /// <summary>Compares two logs; both sources are opened twice.</summary>
    public static LogDiffResult Compare(LogSource pass, LogSource fail, LogDiffOptions? options = null)
    {
        options ??= new LogDiffOptions();
        ulong[] passHashes = Hashes(pass, options.Ci);
        ulong[] failHashes = Hashes(fail, options.Ci);
        int[] partner = LineAligner.Align(passHashes, failHashes, options.MaxTableCells);

        var classes = new LineClass[failHashes.Length];
        var passTaken = new BitArray(passHashes.Length);
        foreach (int a in partner)
        {
            if (a >= 0)
            {
                passTaken[a] = true;
            }
        }
        PairMoved(passHashes, failHashes, partner, passTaken, classes);

        // Removed pass lines each candidate may be an update of, nearest to where it would sit.
        var nearby = NearbyRemoved(passHashes, partner, passTaken, classes, options.UpdateCandidates);
        var wanted = new HashSet<int>(nearby.Values.SelectMany(v => v));
        var passTexts = wanted.Count == 0 ? [] : Texts(pass, options, i => wanted.Contains(i));

        var keep = new BitArray(classes.Length);
        for (int b = 0; b < classes.Length; b++)
        {
            if (classes[b] == LineClass.Candidate)
            {
                for (int k = Math.Max(0, b - options.ContextLines); k <= Math.Min(classes.Length - 1, b + options.ContextLines); k++)
                {
                    keep[k] = true;
                }
            }
        }
        var failTexts = Texts(fail, options, i => keep[i]);
        DecideUpdates(classes, nearby, failTexts, passTexts, new UpdateRule(options.UpdateSimilarity));
        JoinBlankLines(failHashes, classes);

        var hunks = HunkBuilder.Build(classes, i => failTexts.GetValueOrDefault(i, ""), options.ContextLines);
        var summary = new LogDiffSummary(
            passHashes.Length,
            failHashes.Length,
            classes.LongCount(c => c == LineClass.Unchanged),
            classes.LongCount(c => c == LineClass.Moved),
            classes.LongCount(c => c == LineClass.Updated),
            classes.LongCount(c => c == LineClass.New));
        return new LogDiffResult(pass.Name, fail.Name, summary, hunks);
    }

    private static ulong[] Hashes(LogSource source, string? ci)
    {
        var hashes = new List<ulong>();
        using var session = new LogReadSession(source, ci);
        foreach (var line in session.ReadLines())
        {
            hashes.Add(line.Text.AsSpan().IsWhiteSpace() ? Blank : LineMasker.MaskedHash(line.Text) | 1);
        }
        return [.. hashes];
    }

    // An unaligned fail line equal to an unaligned pass line is that line, moved; copies beyond
    // the pass log's count stay candidates (a fifth "[ERROR] -> [Help 1]" where the pass log has
    // four). Counts per hash, not queues of lines: the first free pass copies are the ones taken.
    private static void PairMoved(ulong[] passHashes, ulong[] failHashes, int[] partner, BitArray passTaken, LineClass[] classes)
    {
        var free = new Dictionary<ulong, int>();
        for (int a = 0; a < passHashes.Length; a++)
        {
            if (!passTaken[a] && passHashes[a] != Blank)
            {
                free[passHashes[a]] = free.GetValueOrDefault(passHashes[a]) + 1;
            }
        }
        var taken = new Dictionary<ulong, int>();
        for (int b = 0; b < failHashes.Length; b++)
        {
            if (partner[b] >= 0 || failHashes[b] == Blank)
            {
                classes[b] = LineClass.Unchanged;
            }
            else if (free.GetValueOrDefault(failHashes[b]) > taken.GetValueOrDefault(failHashes[b]))
            {
                taken[failHashes[b]] = taken.GetValueOrDefault(failHashes[b]) + 1;
                classes[b] = LineClass.Moved;
            }
            else
            {
                classes[b] = LineClass.Candidate;
            }
        }
        for (int a = 0; a < passHashes.Length && taken.Count > 0; a++)
        {
            if (!passTaken[a] && taken.TryGetValue(passHashes[a], out int left))
            {
                passTaken[a] = true;
                if (left == 1)
                {
                    taken.Remove(passHashes[a]);
                }
                else
                {
                    taken[passHashes[a]] = left - 1;
                }
            }
        }
    }

    // For each candidate, the free (unaligned, unpaired, non-blank) pass lines of its gap — between
    // the pass partners of the aligned fail lines around it — nearest to its expected position.
    private static Dictionary<int, int[]> NearbyRemoved(ulong[] passHashes, int[] partner, BitArray passTaken, LineClass[] classes, int limit)
    {
        var result = new Dictionary<int, int[]>();
        var free = new List<int>();
        for (int a = 0; a < passHashes.Length; a++)
        {
            if (!passTaken[a] && passHashes[a] != Blank)
            {
                free.Add(a);
            }
        }
        if (free.Count == 0 || limit <= 0)
        {
            return result;
        }
        var next = new int[classes.Length + 1];   // pass partner of the next aligned fail line
        next[classes.Length] = passHashes.Length;
        for (int b = classes.Length - 1; b >= 0; b--)
        {
            next[b] = partner[b] >= 0 ? partner[b] : next[b + 1];
        }
        int lo = 0, gapStart = 0;
        for (int b = 0; b < classes.Length; b++)
        {
            if (partner[b] >= 0)
            {
                lo = partner[b] + 1;
                gapStart = b + 1;
                continue;
            }
            if (classes[b] != LineClass.Candidate)
            {
                continue;
            }
            int hi = next[b];
            int expected = lo + (b - gapStart);
            int first = LowerBound(free, lo), end = LowerBound(free, hi);
            if (first >= end)
            {
                continue;
            }
            int at = Math.Clamp(LowerBound(free, expected), first, end - 1);
            var picked = new List<int>(Math.Min(limit, end - first));
            int left = at - 1, right = at;
            while (picked.Count < limit && (left >= first || right < end))
            {
                bool takeRight = left < first || (right < end && free[right] - expected <= expected - free[left]);
                picked.Add(takeRight ? free[right++] : free[left--]);
            }
            result[b] = [.. picked];
        }
        return result;
    }

    private static int LowerBound(List<int> sorted, int value)
    {
        int i = sorted.BinarySearch(value);
        return i >= 0 ? i : ~i;
    }

    // In fail order, each removed pass line explains at most one updated fail line.
    private static void DecideUpdates(LineClass[] classes, Dictionary<int, int[]> nearby, Dictionary<int, string> failTexts, Dictionary<int, string> passTexts, UpdateRule rule)
    {
        var used = new HashSet<int>();
        for (int b = 0; b < classes.Length; b++)
        {
            if (classes[b] != LineClass.Candidate)
            {
                continue;
            }
            classes[b] = LineClass.New;
            if (!nearby.TryGetValue(b, out var candidates))
            {
                continue;
            }
            string text = failTexts[b];
            var tokens = TokenSequence.Of(LineMasker.Mask(text));
            foreach (int a in candidates)
            {
                if (!used.Contains(a) && rule.IsUpdate(text, tokens, passTexts[a]))
                {
                    used.Add(a);
                    classes[b] = LineClass.Updated;
                    break;
                }
            }
        }
    }

    // Blank lines inside a block of new lines are part of it (labelled error blocks include them).
    private static void JoinBlankLines(ulong[] failHashes, LineClass[] classes)
    {
        int previous = -1;   // last non-blank line
        for (int b = 0; b < classes.Length; b++)
        {
            if (failHashes[b] == Blank)
            {
                continue;
            }
            if (previous >= 0 && b - previous > 1 && classes[previous] == LineClass.New && classes[b] == LineClass.New)
            {
                for (int k = previous + 1; k < b; k++)
                {
                    classes[k] = LineClass.New;
                }
            }
            previous = b;
        }
    }

    private static Dictionary<int, string> Texts(LogSource source, LogDiffOptions options, Func<int, bool> wanted)
    {
        var texts = new Dictionary<int, string>();
        using var session = new LogReadSession(source, options.Ci);
        int i = 0;
        foreach (var line in session.ReadLines())
        {
            if (wanted(i))
            {
                texts[i] = line.Text.Length > options.MaxTextLength ? string.Concat(line.Text.AsSpan(0, options.MaxTextLength), "…") : line.Text;
            }
            i++;
        }
        return texts;
    }
}
