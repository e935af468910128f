using CiDoctor.Core.Diff;
using CiDoctor.Core.Reports;

namespace CiDoctor.Cli.Rendering;

/// <summary>
/// The CLI's output formats where it adds its own to a library's: the terminal views (Spectre)
/// and the CI formats. Each registry is the one list of its command's <c>--format</c> names.
/// </summary>
internal static class CliRenderers
{
    /// <summary><c>diagnose --format</c>: text, then Core's markdown, json and html, then github and gitlab.</summary>
    public static RendererRegistry<IReportRenderer> Reports { get; } = new RendererRegistry<IReportRenderer>()
        .Add("text", t => new TextReportRenderer(t.Color))
        .Add(ReportRenderers.Core)
        .Add("github", CiRenderers.GitHub)
        .Add("gitlab", CiRenderers.GitLab);

    /// <summary><c>diff --format</c>: text (hunks on a terminal), then Core's json.</summary>
    public static RendererRegistry<IRenderer<LogDiffResult>> Diffs { get; } = new RendererRegistry<IRenderer<LogDiffResult>>()
        .Add("text", t => new DiffTextRenderer(t.Color))
        .Add(DiffRenderers.Core);

    /// <summary>Where a command's output goes: colour for a terminal only, the runner's environment, notes on stderr.</summary>
    public static RenderTarget Target(CliContext context, string? outFile, string? reportUrl = null) => new()
    {
        Color = context.Colour(outFile),
        ReportUrl = reportUrl,
        Env = context.Env,
        Notice = message => context.Error.WriteLine($"cidoctor: {message}"),
    };
}
