using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Reports.Ci;

/// <summary>
/// <c>--format github</c>: the Markdown report appended to the step summary, and one workflow
/// command per root cause on the output (<c>::error title=…::…</c>), which GitHub Actions, Forgejo
/// and Gitea runners read from the step's stdout.
/// </summary>
public sealed class GitHubActionsRenderer(GitHubActionsOptions options) : IReportRenderer
{
    public void Render(RunReport report, TextWriter output)
    {
        var buffer = new StringWriter(CultureInfo.InvariantCulture);
        new MarkdownReportRenderer().Render(report, buffer);
        string markdown = buffer.ToString();

        // The summary first: if the file cannot be written, fail before printing anything.
        if (options.SummaryPath is { } path)
        {
            WriteSummary(path, markdown, report);
        }
        foreach (var annotation in GitHubAnnotations.Build(report, new RepoFileLocator(options.WorkspaceRoot)))
        {
            output.WriteLine(annotation.ToCommand());
        }
        if (options.SummaryPath is null)
        {
            // Log lines quoted in the report must not run as workflow commands. The token is derived
            // from the report, so a line in it cannot know it in advance, and output stays deterministic.
            string token = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(markdown)))[..32];
            output.WriteLine($"::stop-commands::{token}");
            output.Write(markdown);
            output.WriteLine($"::{token}::");
        }
    }

    private void WriteSummary(string path, string markdown, RunReport report)
    {
        long existing = File.Exists(path) ? new FileInfo(path).Length : 0;
        var fitOptions = options.RunUrl is null ? options with { RunUrl = report.Run.Url } : options;
        string? text = StepSummary.Fit(markdown, existing, fitOptions);
        if (text is null)
        {
            options.Notice?.Invoke($"the step summary {path} already holds {existing} bytes, too close to GitHub's per-step limit: the report was not added to it");
            return;
        }
        if (!ReferenceEquals(text, markdown))
        {
            options.Notice?.Invoke("the report is larger than GitHub's step-summary limit: the summary holds its first part and says where the full report is");
        }
        StepSummary.Append(path, text);
    }
}
