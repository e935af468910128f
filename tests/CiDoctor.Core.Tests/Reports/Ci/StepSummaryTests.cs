using System.Text;
using CiDoctor.Core.Reports.Ci;
using CiDoctor.Testing;

namespace CiDoctor.Core.Tests.Reports.Ci;

public class StepSummaryTests
{
    private static readonly GitHubActionsOptions Small = new()
    {
        WorkspaceRoot = ".",
        SummaryLimitBytes = 2000,
        SummaryMarginBytes = 0,
        RunUrl = "https://github.com/o/r/actions/runs/42",
    };

    private static string Report(int jobs, int linesPerJob = 8)
    {
        var sb = new StringBuilder("# CI failure analysis: ci\n\n## Summary\n\n1. a job\n\n");
        for (int j = 1; j <= jobs; j++)
        {
            sb.Append("---\n\n").Append($"## Failure {j}: job{j}\n\n```\n");
            for (int i = 0; i < linesPerJob; i++)
            {
                sb.Append($">{i} | error line {i} of job {j}\n");
            }
            sb.Append("```\n\n");
        }
        return sb.ToString();
    }

    [Fact]
    public void Fit_ReportFits_ReturnsItWhole()
    {
        string report = Report(2);

        Assert.Same(report, StepSummary.Fit(report, existingBytes: 0, Small));
    }

    [Fact]
    public void Fit_TooBig_CutsBeforeASectionAndAppendsTheNoteWithinTheLimit()
    {
        string report = Report(20);

        string text = StepSummary.Fit(report, existingBytes: 0, Small)!;

        Assert.True(Encoding.UTF8.GetByteCount(text) <= Small.SummaryLimitBytes);
        int note = text.IndexOf("> **Report cut here.**", StringComparison.Ordinal);
        Assert.True(note > 0);
        string kept = text[..text.LastIndexOf("\n---\n\n> **Report cut here.**", StringComparison.Ordinal)];
        Assert.StartsWith(kept, report, StringComparison.Ordinal);
        Assert.StartsWith("---\n\n## Failure", report[kept.Length..], StringComparison.Ordinal);
        Assert.Equal(0, kept.Split('\n').Count(l => l.StartsWith("```", StringComparison.Ordinal)) % 2);
        Assert.Contains("https://github.com/o/r/actions/runs/42", text[note..], StringComparison.Ordinal);
        Assert.Contains("--format html", text[note..], StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_WithReportUrl_NoteLinksIt()
    {
        string text = StepSummary.Fit(Report(20), 0, Small with { ReportUrl = "https://example.com/report.html" })!;

        Assert.Contains("> The full report: https://example.com/report.html", text, StringComparison.Ordinal);
        Assert.DoesNotContain("--format html", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_FileAlreadyHoldsContent_LeavesRoomForIt()
    {
        string report = Report(10);
        int size = Encoding.UTF8.GetByteCount(report);

        string? alone = StepSummary.Fit(report, existingBytes: 0, Small with { SummaryLimitBytes = size + 1 });
        string? after = StepSummary.Fit(report, existingBytes: 600, Small with { SummaryLimitBytes = size + 1 });

        Assert.Same(report, alone);
        Assert.NotNull(after);
        Assert.True(Encoding.UTF8.GetByteCount(after) + 600 + 1 <= size + 1);
        Assert.Contains("Report cut here", after, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_NoRoomEvenForTheNote_ReturnsNull() =>
        Assert.Null(StepSummary.Fit(Report(5), existingBytes: 1990, Small));

    [Fact]
    public void Cut_NeverEndsInsideACodeFence()
    {
        string report = "# T\n\n```\n" + string.Concat(Enumerable.Repeat("a long evidence line inside the fence\n", 50)) + "```\n";

        string kept = StepSummary.Cut(report, 500);

        Assert.Equal("# T\n\n", kept);
    }

    [Fact]
    public void Cut_NoSectionNearby_CutsAtTheLastWholeLine()
    {
        string report = "# T\n\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"- item {i}\n"));

        string kept = StepSummary.Cut(report, 300);

        Assert.EndsWith("\n", kept, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(kept) is > 280 and <= 300);
    }

    [Fact]
    public void Append_ExistingContent_IsKeptAndFollowedByTheReport()
    {
        using var dir = new TempDir();
        string path = dir.Write("summary.md", "### Tests\n\n12 passed");

        StepSummary.Append(path, "# CI failure analysis\n");
        StepSummary.Append(path, "# second\n");

        Assert.Equal("### Tests\n\n12 passed\n# CI failure analysis\n\n# second\n", File.ReadAllText(path));
    }

    [Fact]
    public void Append_MissingFolder_ThrowsCiDoctorExceptionNamingThePath()
    {
        string path = Path.Combine(Path.GetTempPath(), "cidoctor-no-such-folder-" + Guid.NewGuid().ToString("N"), "summary.md");

        var e = Assert.Throws<CiDoctorException>(() => StepSummary.Append(path, "x"));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("GITHUB_STEP_SUMMARY", e.Message, StringComparison.Ordinal);
    }
}
