namespace CiDoctor.Core.Reports;

/// <summary>
/// Turns one kind of report into one output format. A host never names an implementation: it
/// asks a <see cref="RendererRegistry{TRenderer}"/> for the renderer of a format name.
/// </summary>
/// <typeparam name="TReport">What is rendered (a <c>RunReport</c>, an eval report, a log diff, …).</typeparam>
public interface IRenderer<in TReport>
{
    void Render(TReport report, TextWriter output);
}
