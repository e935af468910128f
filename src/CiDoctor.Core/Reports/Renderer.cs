namespace CiDoctor.Core.Reports;

/// <summary>Renderers made from a method, for formats whose writer is one static method.</summary>
public static class Renderer
{
    /// <summary>A renderer that calls <paramref name="render"/>.</summary>
    public static IRenderer<TReport> Of<TReport>(Action<TReport, TextWriter> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        return new MethodRenderer<TReport>(render);
    }

    private sealed class MethodRenderer<TReport>(Action<TReport, TextWriter> render) : IRenderer<TReport>
    {
        public void Render(TReport report, TextWriter output) => render(report, output);
    }
}
