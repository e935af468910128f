using CiDoctor.Core.Reports;

namespace CiDoctor.Core.Tests.Pipeline;

/// <summary>The one list of a report's format names: order kept, names unique, unknown names refused, shared registries unchangeable.</summary>
public class RendererRegistryTests
{
    [Fact]
    public void Names_KeepTheOrderTheFormatsWereAddedIn()
    {
        var registry = new RendererRegistry<IReportRenderer>().Add("text", _ => new MarkdownReportRenderer()).Add(ReportRenderers.Core);

        Assert.Equal(["text", "markdown", "json", "html"], registry.Names);
    }

    [Fact]
    public void Add_ReturnsANewRegistry_TheSharedOneIsUnchanged()
    {
        var more = ReportRenderers.Core.Add("extra", _ => new JsonReportRenderer());

        Assert.Equal(["markdown", "json", "html"], ReportRenderers.Core.Names);
        Assert.True(more.Contains("extra"));
    }

    [Fact]
    public void Add_ANameTwice_Throws()
    {
        Assert.Throws<ArgumentException>(() => ReportRenderers.Core.Add("json", _ => new JsonReportRenderer()));
    }

    [Fact]
    public void Create_AnUnknownName_ListsTheKnownOnes()
    {
        var error = Assert.Throws<CiDoctorException>(() => ReportRenderers.Core.Create("yaml", new RenderTarget()));

        Assert.Equal("format 'yaml' is not known; use one of: markdown, json, html", error.Message);
    }

    [Fact]
    public void Create_PassesTheTargetToTheFactory()
    {
        RenderTarget? seen = null;
        var registry = new RendererRegistry<IReportRenderer>().Add("seen", t =>
        {
            seen = t;
            return new JsonReportRenderer();
        });
        var target = new RenderTarget { Color = true, ReportUrl = "https://example.com/report.html" };

        Assert.IsType<JsonReportRenderer>(registry.Create("seen", target));
        Assert.Same(target, seen);
    }

    [Fact]
    public void ShowsExcerpts_OnlyTheHtmlReport()
    {
        var target = new RenderTarget();

        Assert.Equal(["html"], ReportRenderers.Core.Names.Where(n => ReportRenderers.Core.Create(n, target).ShowsExcerpts));
    }
}
