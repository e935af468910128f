using CiDoctor.Core.Reports;

namespace CiDoctor.Core.Evaluation;

/// <summary>The formats of <c>cidoctor eval</c>: the one list of their names.</summary>
public static class EvalRenderers
{
    /// <summary><c>text</c> (with timing), <c>markdown</c> and <c>json</c> (the same on every run but its timing).</summary>
    public static RendererRegistry<IRenderer<EvalReport>> All { get; } = new RendererRegistry<IRenderer<EvalReport>>()
        .Add("text", _ => Renderer.Of<EvalReport>(EvalTextRenderer.Render))
        .Add("markdown", _ => Renderer.Of<EvalReport>(EvalMarkdownRenderer.Render))
        .Add("json", _ => Renderer.Of<EvalReport>(EvalJsonRenderer.Render));
}
