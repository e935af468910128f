using CiDoctor.Core.Matching;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Diagnosis;

/// <summary>A run of nearby lines that together explain something, with its rank score.</summary>
/// <param name="Lead">The line that reads best on its own (the first of the strongest lines).</param>
/// <param name="Lines">The block's lines in line order (blank lines left out).</param>
/// <param name="Score">Rank score: higher explains the failure better.</param>
/// <param name="BeforeExit">True for the output right before the failure report.</param>
internal sealed record EvidenceBlock(LogLine Lead, IReadOnlyList<LogLine> Lines, double Score, bool BeforeExit);

/// <summary>
/// Ranks blocks of lines by how well they explain a failure, for logs no mode explains and as
/// context for those one does. What a reader looks at in a failed log: the block with the
/// strongest error vocabulary (a test framework's failure report, a compiler's error with its
/// location, an exception with its frames), the failing command's last output before its exit
/// report (often no error word at all: "Package size limit has exceeded"), lines the passing log
/// does not have, and lines in the step that failed. Blocks are built from the scanner's
/// candidates and widened over the lines around them (frames below, a test's name above).
/// </summary>
internal static class EvidenceBlocks
{
    // Candidates at most this many lines apart belong to one block.
    private const int BlockGap = 3;

    // How far a block grows beyond its scored lines, and how long it may get.
    private const int GrowBefore = 2;
    private const int GrowAfter = 4;
    private const int MaxBlockLines = 12;

    // Content lines taken as the failing command's last output before its exit report.
    private const int ExitBlockLines = 6;

    // How far before the failure report that output may start.
    private const int ExitReach = 30;

    public static IReadOnlyList<EvidenceBlock> Rank(ScanResult scan, JobLog log)
    {
        long failure = log.FailureLine ?? log.LineCount + 1;
        var known = scan.Kept;
        var scores = new Dictionary<long, ScoredLine>();
        foreach (var c in scan.Candidates)
        {
            if (c.Line != failure)
            {
                scores[c.Line] = c;
            }
        }
        var exitBlock = OutputBeforeExit(scan, log, failure);
        var seeds = scores.Keys.Concat(exitBlock).Distinct().Order().ToList();

        var groups = new List<List<long>>();
        foreach (long n in seeds)
        {
            if (groups.Count > 0 && n - groups[^1][^1] <= BlockGap && StepOf(known, n) == StepOf(known, groups[^1][^1]))
            {
                groups[^1].Add(n);
            }
            else
            {
                groups.Add([n]);
            }
        }
        var exitSet = exitBlock.ToHashSet();
        return groups
            .Select(g => Build(g, known, scan.Familiar, scores, exitSet, log, failure))
            .OrderByDescending(b => b.Score)
            .ThenBy(b => b.Lead.Number)
            .ToArray();
    }

    /// <summary>The last non-blank content lines before the failure report, in the failed step when known.</summary>
    public static IReadOnlyList<LogLine> TailBeforeFailure(ScanResult scan, JobLog log, int count) =>
        FailedStepTail(scan, log)
            .Where(l => l.Kind == LineKind.Content && l.Number <= (log.FailureLine ?? long.MaxValue) && l.Text.Trim().Length > 0)
            .TakeLast(count)
            .ToArray();

    // The last lines of the failed step when known, else of the log; blank lines included.
    private static IReadOnlyList<LogLine> FailedStepTail(ScanResult scan, JobLog log) =>
        log.FailedStep is int s && scan.StepTails.TryGetValue(s, out var tail) ? tail : scan.Tail;

    /// <summary>
    /// The output right before <paramref name="report"/> (an exit report such as
    /// <c>make: *** [all] Error 2</c>), as a block: the failing command's last words. Null when
    /// the lines before it were not kept or say nothing new.
    /// </summary>
    public static EvidenceBlock? OutputBefore(ScanResult scan, long report)
    {
        var known = scan.Kept;
        List<LogLine>? first = null;
        var lines = new List<LogLine>();
        for (long n = report - 1; n > 0 && report - n <= ExitReach && known.TryGetValue(n, out var line); n--)
        {
            bool skip = line.Text.Trim().Length == 0 || line.Kind != LineKind.Content || scan.Familiar.Contains(n)
                || LineScorer.IsReport(line.Text) || LineScorer.IsChatter(line.Text) || LineScorer.IsProgress(line.Text);
            if (skip && lines.Count == 0)
            {
                continue;
            }
            if (skip || lines.Count >= ExitBlockLines || IsCommandEcho(line.Text))
            {
                if (lines.Any(l => LineScorer.Score(l.Text) > 0) || IsCommandEcho(line.Text))
                {
                    break;
                }
                // A paragraph with no error words ("done") is a step's last chatter: look one further up.
                first ??= lines;
                lines = [];
                continue;
            }
            lines.Add(line);
        }
        if (!lines.Any(l => LineScorer.Score(l.Text) > 0))
        {
            lines = first ?? lines;
        }
        if (lines.Count == 0)
        {
            return null;
        }
        lines.Reverse();
        var lead = lines.OrderByDescending(l => LineScorer.Score(l.Text)).ThenBy(l => l.Number).First();
        return new EvidenceBlock(lead, lines, 0, true);
    }

    /// <summary>The last kept output lines before <paramref name="line"/>, progress lines included: where a run that timed out stood.</summary>
    public static IReadOnlyList<LogLine> LastOutputBefore(ScanResult scan, long line, int count) =>
        scan.Kept.Values
            .Where(l => l.Number < line && l.Kind == LineKind.Content && l.Text.Trim().Length > 0 && !scan.Familiar.Contains(l.Number))
            .TakeLast(count)
            .ToArray();

    // "$ make test": a shell or CI system echoing the command it is about to run; output before
    // it belongs to an earlier command.
    private static bool IsCommandEcho(string text) => text.StartsWith("$ ", StringComparison.Ordinal);

    private static int StepOf(SortedDictionary<long, LogLine> known, long n) => known.TryGetValue(n, out var l) ? l.Step : int.MinValue;

    /// <summary>
    /// The failing command's own last words: walking back from the failure report over blank
    /// lines, CI markers and wrapper lines ("Command failed with exit code 3", "npm ERR! Test
    /// failed"), the first paragraph of output.
    /// </summary>
    private static List<long> OutputBeforeExit(ScanResult scan, JobLog log, long failure)
    {
        var block = new List<long>();
        if (log.FailureLine is null)
        {
            return block;
        }
        // Blank lines are passed over: a tool's last words often come as two short paragraphs
        // ("Issues :-(" then a list, or an error then "Please check …").
        var before = FailedStepTail(scan, log)
            .Where(l => l.Kind == LineKind.Content && l.Number < failure && failure - l.Number <= ExitReach && l.Text.Trim().Length > 0)
            .Reverse();
        foreach (var line in before)
        {
            if (IsCommandEcho(line.Text))
            {
                // The command's echo: output before it belongs to an earlier command.
                break;
            }
            if (block.Count == 0 && (LineScorer.IsWrapper(line.Text) || LineScorer.IsChatter(line.Text) || scan.Familiar.Contains(line.Number)))
            {
                continue;
            }
            if (block.Count >= ExitBlockLines || scan.Familiar.Contains(line.Number))
            {
                break;
            }
            block.Add(line.Number);
        }
        block.Reverse();
        return block;
    }

    private static EvidenceBlock Build(List<long> seeds, SortedDictionary<long, LogLine> known, IReadOnlySet<long> familiar, Dictionary<long, ScoredLine> scores,
        HashSet<long> exitBlock, JobLog log, long failure)
    {
        long first = seeds[0], last = seeds[^1];
        int step = StepOf(known, first);
        // A block grows over the output lines around it, not over lines the passing log also
        // has, nor over a tool's informational lines ("[INFO] Compiling 60 source files").
        bool Attached(long n) => known.TryGetValue(n, out var l) && l.Step == step && l.Kind == LineKind.Content
            && l.Text.Trim().Length > 0 && !familiar.Contains(n) && !LineScorer.IsBackground(l.Text) && !LineScorer.IsReport(l.Text);
        for (int i = 0; i < GrowBefore && Attached(first - 1) && last - first + 1 < MaxBlockLines; i++)
        {
            first--;
        }
        for (int i = 0; i < GrowAfter && Attached(last + 1) && last + 1 < failure && last - first + 1 < MaxBlockLines; i++)
        {
            last++;
        }
        var lines = new List<LogLine>();
        for (long n = first; n <= last; n++)
        {
            if (known.TryGetValue(n, out var line) && line.Text.Trim().Length > 0
                && !IsCommandEcho(line.Text)
                && (scores.ContainsKey(n) || line.Kind == LineKind.Content && !familiar.Contains(n) && !LineScorer.IsBackground(line.Text)))
            {
                lines.Add(line);
            }
        }
        var scored = seeds.Where(scores.ContainsKey).Select(n => scores[n]).ToList();
        int best = scored.Count > 0 ? scored.Max(s => s.Score) : 0;
        long leadNumber = scored.Count > 0 ? scored.First(s => s.Score == best).Line : seeds[0];
        var lead = known.TryGetValue(leadNumber, out var l) ? l : lines.Count > 0 ? lines[0] : new LogLine(leadNumber, scores[leadNumber].Text, scores[leadNumber].Step);
        bool beforeExit = seeds.Any(exitBlock.Contains);

        double score = best + Math.Min(3, (scored.Count - 1) * 0.5);
        bool summary = lines.Any(l => LineScorer.IsReport(l.Text));
        if (beforeExit && !summary)
        {
            // The failing command's last output: what the person reading the log looks at first,
            // unless it only sums up failures reported above.
            score += 5;
        }
        if (log.FailedStep is int s)
        {
            score += lead.Step == s ? 4 : -3;
        }
        if (lead.Step >= 0 && lead.Step < log.Steps.Count && log.Steps[lead.Step].Status == RunStatus.Passed)
        {
            // Output of a step that passed did not fail the job.
            score -= 8;
        }
        if (lead.Number <= failure)
        {
            long distance = failure - lead.Number;
            score += distance < 40 ? 3 : distance < 300 ? 1.5 : 0;
        }
        else
        {
            score -= 2;
        }
        return new EvidenceBlock(lead, lines.Count > 0 ? lines : [lead], score, beforeExit);
    }
}
