using CiDoctor.Core.Reports;

namespace CiDoctor.History.Flaky;

/// <summary>The formats of <c>cidoctor history flaky</c>: the one list of their names.</summary>
public static class FlakyRenderers
{
    public static RendererRegistry<IRenderer<FlakyReport>> All { get; } = new RendererRegistry<IRenderer<FlakyReport>>()
        .Add("text", _ => new FlakyTextRenderer())
        .Add("json", _ => new FlakyJsonRenderer());
}
