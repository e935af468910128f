namespace CiDoctor.Core.Reports;

/// <summary>
/// The run-report formats Core renders without help from a host. A host adds its own around them
/// (the CLI: <c>text</c> before, the CI formats <c>github</c> and <c>gitlab</c> after, whose
/// options it reads from the runner's environment).
/// </summary>
public static class ReportRenderers
{
    /// <summary><c>markdown</c>, <c>json</c> and <c>html</c>.</summary>
    public static RendererRegistry<IReportRenderer> Core { get; } = new RendererRegistry<IReportRenderer>()
        .Add("markdown", _ => new MarkdownReportRenderer())
        .Add("json", _ => new JsonReportRenderer())
        .Add("html", _ => new HtmlReportRenderer());
}
