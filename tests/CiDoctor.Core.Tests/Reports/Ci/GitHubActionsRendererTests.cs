using System.Text;
using CiDoctor.Core.Model;
using CiDoctor.Core.Reports.Ci;
using CiDoctor.Testing;
using static CiDoctor.Core.Tests.Reports.Ci.ReportKit;

namespace CiDoctor.Core.Tests.Reports.Ci;

public sealed class GitHubActionsRendererTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly RunReport TwoCauses = Report(
        Job("linux", Cause("resource.disk-full", "Runner ran out of disk space"), evidence: [Line(12, "No space left on device")]),
        Job("lint", Cause("lint.failed", "Lint failed"), evidence: [Line(3, "E501 line too long")]));

    private (string Stdout, List<string> Notices) Render(RunReport report, GitHubActionsOptions options)
    {
        var notices = new List<string>();
        var output = new StringWriter();
        new GitHubActionsRenderer(options with { Notice = notices.Add }).Render(report, output);
        return (output.ToString(), notices);
    }

    [Fact]
    public void Render_SummaryFile_ReportAppendedAfterWhatWasThereAndAnnotationsOnStdout()
    {
        string summary = _dir.Write("step_summary", "## Earlier step\n\nsome table\n");

        var (stdout, notices) = Render(TwoCauses, new GitHubActionsOptions { WorkspaceRoot = _dir.Path, SummaryPath = summary });

        string text = File.ReadAllText(summary);
        Assert.StartsWith("## Earlier step\n\nsome table\n\n# CI failure analysis: ci", text, StringComparison.Ordinal);
        Assert.Contains("## Failure 2: lint", text, StringComparison.Ordinal);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["::error title=linux%3A Runner ran out of disk space::", "::error title=lint%3A Lint failed::"],
            lines.Select(l => l[..(l.IndexOf("::", 2, StringComparison.Ordinal) + 2)]));
        Assert.Empty(notices);
    }

    [Fact]
    public void Render_NoSummaryFile_MarkdownFollowsAnnotationsBetweenStopCommandMarkers()
    {
        var (stdout, _) = Render(TwoCauses, new GitHubActionsOptions { WorkspaceRoot = _dir.Path });

        var lines = stdout.Split('\n');
        Assert.StartsWith("::error ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("::error ", lines[1], StringComparison.Ordinal);
        Assert.Matches("^::stop-commands::[0-9a-f]{32}$", lines[2]);
        string token = lines[2]["::stop-commands::".Length..];
        Assert.Equal("# CI failure analysis: ci", lines[3]);
        Assert.Equal($"::{token}::", lines[^2]);
    }

    [Fact]
    public void Render_ReportOverTheLimit_SummaryCutWithLinkAndANotice()
    {
        var jobs = Enumerable.Range(1, 40).Select(i => Job($"job{i}", Cause($"mode.m{i}", $"Mode {i}", new string('x', 300)),
            evidence: [.. Enumerable.Range(1, 10).Select(n => Line(n, $"error {n}: " + new string('y', 200)))])).ToArray();
        string summary = _dir.Write("step_summary", "");

        var (_, notices) = Render(Report(jobs), new GitHubActionsOptions
        {
            WorkspaceRoot = _dir.Path,
            SummaryPath = summary,
            SummaryLimitBytes = 20_000,
            SummaryMarginBytes = 1_000,
            ReportUrl = "https://example.com/run/artifacts/7",
        });

        string text = File.ReadAllText(summary);
        Assert.True(Encoding.UTF8.GetByteCount(text) <= 19_000);
        Assert.Contains("## Failure 1: job1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("## Failure 40: job40", text, StringComparison.Ordinal);
        Assert.EndsWith("> The full report: https://example.com/run/artifacts/7\n", text, StringComparison.Ordinal);
        Assert.Single(notices);
    }

    [Fact]
    public void Render_NoRunUrlOption_NoteUsesTheReportsRunUrl()
    {
        var jobs = Enumerable.Range(1, 40).Select(i => Job($"job{i}", Cause($"mode.m{i}", $"Mode {i}", new string('x', 300)))).ToArray();
        var report = Report(jobs) with { Run = new RunInfo(Url: "https://github.com/o/r/actions/runs/99") };
        string summary = _dir.Write("step_summary", "");

        Render(report, new GitHubActionsOptions { WorkspaceRoot = _dir.Path, SummaryPath = summary, SummaryLimitBytes = 20_000, SummaryMarginBytes = 0 });

        Assert.Contains("on the run page: https://github.com/o/r/actions/runs/99", File.ReadAllText(summary), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SummaryAlreadyFull_LeavesItUntouchedAndSaysSo()
    {
        string full = new('z', 19_990);
        string summary = _dir.Write("step_summary", full);

        var (stdout, notices) = Render(TwoCauses, new GitHubActionsOptions { WorkspaceRoot = _dir.Path, SummaryPath = summary, SummaryLimitBytes = 20_000, SummaryMarginBytes = 0 });

        Assert.Equal(full, File.ReadAllText(summary));
        Assert.Contains("not added", Assert.Single(notices), StringComparison.Ordinal);
        Assert.Equal(2, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
