using CiDoctor.Core.Reports;

namespace CiDoctor.Env.Drift;

/// <summary>The formats of <c>cidoctor env diff</c>: the one list of their names.</summary>
public static class DriftRenderers
{
    public static RendererRegistry<IRenderer<DriftReport>> All { get; } = new RendererRegistry<IRenderer<DriftReport>>()
        .Add("text", _ => new DriftTextRenderer())
        .Add("json", _ => new DriftJsonRenderer());
}
