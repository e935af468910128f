using CiDoctor.Core.Reports;

namespace CiDoctor.History.Clustering;

/// <summary>The formats of <c>cidoctor history clusters</c>: the one list of their names.</summary>
public static class ClusterRenderers
{
    /// <summary><c>text</c>, and <c>json</c>: the shown clusters (<see cref="ClusterReport.WriteJson"/>).</summary>
    public static RendererRegistry<IRenderer<ClusterListing>> All { get; } = new RendererRegistry<IRenderer<ClusterListing>>()
        .Add("text", _ => new ClusterTextRenderer())
        .Add("json", _ => Renderer.Of<ClusterListing>((listing, output) => listing.Shown.WriteJson(output)));
}
