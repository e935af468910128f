using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;
using CiDoctor.Core.Sources;

namespace CiDoctor.Core.Diagnosis;

/// <summary>
/// The lines around each job's evidence, for renderers that let a reader expand them (HTML).
/// The scan keeps only bounded windows and cannot know beforehand which lines end up as evidence,
/// so the log is read a second time after the diagnosis: one streaming pass per job through the
/// same reader, with the same cleaning and secret masking as the first pass (a PEM block is
/// masked whichever of its lines an excerpt starts at), stopping after the last wanted line.
/// Memory is bounded by the evidence: (2 × radius + 1) lines per evidence line at most, each cut
/// at <see cref="Finding.MaxText"/> characters like evidence text.
/// </summary>
/// <remarks>
/// Evidence lines 320 and 324 with radius 5 in a 366-line log: one excerpt of lines 315–329.
/// A log that cannot be read again (stdin) or that changed since the diagnosis gets none.
/// </remarks>
internal static class LogExcerpts
{
    /// <summary>Lines shown before and after each evidence line.</summary>
    public const int DefaultRadius = 5;

    /// <summary>The report with <see cref="JobDiagnosis.Excerpts"/> filled for every job whose log can be read again.</summary>
    /// <param name="input">The input the report was diagnosed from (its jobs in the same order).</param>
    public static RunReport Attach(RunReport report, RunInput input, int radius = DefaultRadius)
    {
        var jobs = new List<JobDiagnosis>(report.Jobs.Count);
        for (int i = 0; i < report.Jobs.Count; i++)
        {
            var job = report.Jobs[i];
            // The diagnoser keeps input order; the name check guards against a caller that did not.
            var log = i < input.Jobs.Count && input.Jobs[i].Name == job.Name ? input.Jobs[i].Log : null;
            var excerpts = log is null ? [] : ForJob(job, log, radius);
            jobs.Add(excerpts.Count == 0 ? job : job with { Excerpts = excerpts });
        }
        return report with { Jobs = jobs };
    }

    /// <summary>The excerpts around one job's log evidence, or none when the log cannot be read again or changed.</summary>
    public static IReadOnlyList<LogExcerpt> ForJob(JobDiagnosis job, LogSource log, int radius = DefaultRadius)
    {
        var evidence = job.Evidence
            .Where(e => e.Source == EvidenceSource.Log && e.Line is > 0 && (e.File is null || e.File == job.File))
            .ToList();
        if (!log.CanReopen || evidence.Count == 0)
        {
            return [];
        }
        IReadOnlyList<LogExcerpt> excerpts;
        try
        {
            excerpts = Read(log, job.Facts.Ci, Ranges(evidence.Select(e => e.Line!.Value), radius, job.Facts.LineCount));
        }
        catch (Exception e) when (e is CiDoctorException or IOException or UnauthorizedAccessException)
        {
            // The report stands without them: the evidence lines themselves are in it.
            return [];
        }
        // A log rewritten since the diagnosis would put other lines around the evidence than the ones it had.
        bool same = evidence.All(e => excerpts.Any(x => x.Contains(e.Line!.Value) && x[e.Line!.Value] == e.Text));
        return same ? excerpts : [];
    }

    /// <summary>
    /// The line ranges to read: <paramref name="radius"/> lines either side of each line, clamped
    /// to the log (when <paramref name="lineCount"/> is known, i.e. above 0), sorted, and merged
    /// where they overlap or touch.
    /// </summary>
    public static IReadOnlyList<(long First, long Last)> Ranges(IEnumerable<long> lines, int radius, long lineCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        var ranges = new List<(long First, long Last)>();
        foreach (long line in lines.Where(l => l > 0 && (lineCount <= 0 || l <= lineCount)).Distinct().Order())
        {
            long first = Math.Max(1, line - radius);
            long last = lineCount > 0 ? Math.Min(lineCount, line + radius) : line + radius;
            if (ranges.Count > 0 && first <= ranges[^1].Last + 1)
            {
                ranges[^1] = (ranges[^1].First, Math.Max(ranges[^1].Last, last));
            }
            else
            {
                ranges.Add((first, last));
            }
        }
        return ranges;
    }

    /// <summary>
    /// Reads the lines of sorted, disjoint <paramref name="ranges"/> in one pass, parsed by the
    /// <paramref name="ci"/> format (detected when null), masked and cut like evidence text.
    /// </summary>
    public static IReadOnlyList<LogExcerpt> Read(LogSource log, string? ci, IReadOnlyList<(long First, long Last)> ranges)
    {
        var excerpts = new List<LogExcerpt>(ranges.Count);
        if (ranges.Count == 0)
        {
            return excerpts;
        }
        using var session = new LogReadSession(log, ci);
        var lines = new List<string>();
        int r = 0;
        foreach (var line in session.ReadLines())
        {
            if (line.Number < ranges[r].First)
            {
                continue;
            }
            lines.Add(Finding.Cut(line.Text));
            if (line.Number >= ranges[r].Last)
            {
                excerpts.Add(new LogExcerpt(ranges[r].First, lines.ToArray()));
                lines.Clear();
                if (++r == ranges.Count)
                {
                    break;
                }
            }
        }
        if (lines.Count > 0)
        {
            // The log ended inside the last range.
            excerpts.Add(new LogExcerpt(ranges[r].First, lines.ToArray()));
        }
        return excerpts;
    }
}
