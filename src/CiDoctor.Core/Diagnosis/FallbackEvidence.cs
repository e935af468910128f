using CiDoctor.Core.Matching;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Diagnosis;

/// <summary>
/// Evidence for a failure no mode explains: the scanner's scored lines grouped into blocks
/// (lines at most <see cref="BlockGap"/> apart), ranked by their best line, their position
/// before the failure report and whether they are in the failed step. When nothing scored, the
/// last lines of the failed step (or of the log) before the failure report stand in.
/// </summary>
public static class FallbackEvidence
{
    private const int BlockGap = 3;

    public static IReadOnlyList<(ScoredLine Lead, IReadOnlyList<ScoredLine> Lines, double Score)> Blocks(ScanResult scan, JobLog log)
    {
        long failure = log.FailureLine ?? log.LineCount;
        var lines = scan.Candidates
            .Where(c => c.Kind == LineKind.Content || c.Line != failure)
            .OrderBy(c => c.Line)
            .ToList();
        var blocks = new List<List<ScoredLine>>();
        foreach (var line in lines)
        {
            if (blocks.Count > 0 && line.Line - blocks[^1][^1].Line <= BlockGap && line.Step == blocks[^1][^1].Step)
            {
                blocks[^1].Add(line);
            }
            else
            {
                blocks.Add([line]);
            }
        }
        return blocks
            .Select(b => (Lead: Lead(b), Lines: (IReadOnlyList<ScoredLine>)b, Score: BlockScore(b, log, failure)))
            .OrderByDescending(b => b.Score)
            .ThenBy(b => b.Lead.Line)
            .ToArray();
    }

    // The block's first line with the highest score: the first error usually reads best.
    private static ScoredLine Lead(List<ScoredLine> block)
    {
        int best = block.Max(l => l.Score);
        return block.First(l => l.Score == best);
    }

    private static double BlockScore(List<ScoredLine> block, JobLog log, long failure)
    {
        double score = block.Max(l => l.Score) + Math.Min(3, (block.Count - 1) * 0.5);
        var lead = Lead(block);
        if (log.FailedStep is int s)
        {
            score += lead.Step == s ? 4 : -3;
        }
        if (lead.Line <= failure)
        {
            long distance = failure - lead.Line;
            score += distance < 40 ? 3 : distance < 300 ? 1.5 : 0;
        }
        else
        {
            score -= 2;
        }
        return score;
    }

    /// <summary>The last non-blank content lines before the failure report, in the failed step when known.</summary>
    public static IReadOnlyList<LogLine> TailBeforeFailure(ScanResult scan, JobLog log, int count)
    {
        long failure = log.FailureLine ?? long.MaxValue;
        IReadOnlyList<LogLine> source = log.FailedStep is int s && scan.StepTails.TryGetValue(s, out var tail) ? tail : scan.Tail;
        return source
            .Where(l => l.Kind == LineKind.Content && l.Number <= failure && l.Text.Trim().Length > 0)
            .TakeLast(count)
            .ToArray();
    }

}
