using CiDoctor.Core.Reports;

namespace CiDoctor.Core.Diff;

/// <summary>The log-diff formats Core renders; the CLI adds its terminal view (<c>text</c>) before them.</summary>
public static class DiffRenderers
{
    /// <summary><c>json</c> (<see cref="DiffJsonRenderer"/>).</summary>
    public static RendererRegistry<IRenderer<LogDiffResult>> Core { get; } = new RendererRegistry<IRenderer<LogDiffResult>>()
        .Add("json", _ => Renderer.Of<LogDiffResult>(DiffJsonRenderer.Render));
}
