using System.Globalization;
using System.Text;

namespace CiDoctor.Core.Reports.Ci;

/// <summary>
/// The step summary file (<c>$GITHUB_STEP_SUMMARY</c>): appended to, never truncated (other
/// commands of the step write to it too), and kept under GitHub's size limit. GitHub's docs
/// ("Workflow commands", "Step isolation and limits"): each step's summary is at most 1 MiB; if
/// more is added the upload fails with an error annotation and the summary is not shown at all.
/// So a report that does not fit is cut at a section or line boundary (never inside a code fence)
/// and ends with a note saying where the full report is.
/// </summary>
internal static class StepSummary
{
    /// <summary>GitHub's limit per step: 1 MiB (the runner's message: "supports content up to a size of 1024k").</summary>
    public const long GitHubLimitBytes = 1024 * 1024;

    /// <summary>
    /// What to append to a file that already holds <paramref name="existingBytes"/>: the whole
    /// report, the report cut with a note, or null when not even the note fits.
    /// </summary>
    public static string? Fit(string markdown, long existingBytes, GitHubActionsOptions options)
    {
        long budget = options.SummaryLimitBytes - options.SummaryMarginBytes - existingBytes - Separator(existingBytes).Length;
        long size = Encoding.UTF8.GetByteCount(markdown);
        if (size <= budget)
        {
            return markdown;
        }
        // The note names the kept size; a generous estimate of it fixes the room left for the report.
        long noteRoom = Encoding.UTF8.GetByteCount(Note(size, size, options)) + 16;
        if (budget < noteRoom)
        {
            return null;
        }
        string kept = Cut(markdown, budget - noteRoom);
        return kept + Note(Encoding.UTF8.GetByteCount(kept), size, options);
    }

    /// <summary>
    /// The longest prefix of whole lines that fits in <paramref name="maxBytes"/> (UTF-8) and does
    /// not end inside a code fence; it ends before a <c>## </c> heading or a <c>---</c> rule when
    /// that keeps at least half of what the line boundary would.
    /// </summary>
    public static string Cut(string markdown, long maxBytes)
    {
        int lineBoundary = 0;
        int sectionBoundary = 0;
        long used = 0;
        bool inFence = false;
        int pos = 0;
        while (pos < markdown.Length)
        {
            int newline = markdown.IndexOf('\n', pos);
            int end = newline < 0 ? markdown.Length : newline + 1;
            var line = markdown.AsSpan(pos, end - pos);
            used += Encoding.UTF8.GetByteCount(line);
            if (used > maxBytes)
            {
                break;
            }
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            pos = end;
            if (!inFence)
            {
                lineBoundary = pos;
                var next = markdown.AsSpan(pos);
                bool rule = next.StartsWith("---\n", StringComparison.Ordinal) || next.StartsWith("---\r\n", StringComparison.Ordinal);
                // A heading right after a rule: the boundary is before the rule, not between the two.
                bool heading = next.StartsWith("## ", StringComparison.Ordinal) && !AfterRule(markdown.AsSpan(0, pos));
                if (rule || heading)
                {
                    sectionBoundary = pos;
                }
            }
        }
        int cut = sectionBoundary > 0 && sectionBoundary >= lineBoundary / 2 ? sectionBoundary : lineBoundary;
        return markdown[..cut];
    }

    private static bool AfterRule(ReadOnlySpan<char> kept) =>
        kept.EndsWith("---\n\n", StringComparison.Ordinal) || kept.EndsWith("---\r\n\r\n", StringComparison.Ordinal);

    /// <summary>Appends in one write, after a blank line when the file already has content; a file that is not there is created.</summary>
    public static void Append(string path, string text)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            byte[] bytes = new UTF8Encoding(false).GetBytes(Separator(stream.Position) + text);
            stream.Write(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CiDoctorException($"step summary {path}: {e.Message.ReplaceLineEndings(" ")} Point GITHUB_STEP_SUMMARY at a writable file, or unset it to print the report instead.", e);
        }
    }

    // Markdown needs a blank line before our "# " heading when the file ends with someone else's paragraph.
    private static string Separator(long existingBytes) => existingBytes > 0 ? "\n" : "";

    private static string Note(long keptBytes, long totalBytes, GitHubActionsOptions options)
    {
        var sb = new StringBuilder();
        sb.Append("\n---\n\n");
        sb.Append(CultureInfo.InvariantCulture,
            $"> **Report cut here.** It is {Kib(totalBytes)} and GitHub shows at most {Kib(options.SummaryLimitBytes)} per step summary, so only its first {Kib(keptBytes)} are above.\n");
        if (options.ReportUrl is { } url)
        {
            sb.Append(CultureInfo.InvariantCulture, $"> The full report: {url}\n");
        }
        else
        {
            string where = options.RunUrl is { } run ? $"under **Artifacts** on the run page: {run}" : "under **Artifacts** on the run page";
            sb.Append(CultureInfo.InvariantCulture,
                $"> To keep the full report, also write it with `cidoctor diagnose … --format html --out cidoctor-report.html` and upload that file with `actions/upload-artifact` (pass its `artifact-url` output as `--report-url` to link it here); it is then listed {where}.\n");
        }
        return sb.ToString();
    }

    private static string Kib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{(bytes + 1023) / 1024} KiB");
}
