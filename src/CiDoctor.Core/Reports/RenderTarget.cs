namespace CiDoctor.Core.Reports;

/// <summary>
/// What a renderer may know of where its output goes, given by the host when it asks a
/// <see cref="RendererRegistry{TRenderer}"/> for a renderer. Most renderers use none of it.
/// </summary>
public sealed record RenderTarget
{
    /// <summary>ANSI colour is wanted (a terminal, <c>NO_COLOR</c> unset); terminal renderers only.</summary>
    public bool Color { get; init; }

    /// <summary>Where the full report can be read (<c>--report-url</c>), linked by renderers that must cut it.</summary>
    public string? ReportUrl { get; init; }

    /// <summary>
    /// The host's environment variables, for renderers made to run inside a CI job (they read
    /// the runner's, e.g. <c>GITHUB_STEP_SUMMARY</c>). Core never reads the process environment.
    /// </summary>
    public Func<string, string?> Env { get; init; } = _ => null;

    /// <summary>One-line notes for the user (the CLI prints them to stderr); null drops them.</summary>
    public Action<string>? Notice { get; init; }
}
