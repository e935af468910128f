using CiDoctor.Core.Diagnosis;
using CiDoctor.Core.Reports;

namespace CiDoctor.Core.Pipeline;

/// <summary>One diagnosis asked of a <see cref="DiagnosisPipeline"/>.</summary>
/// <param name="Sources">What to diagnose, as the user named it (paths, URLs, <c>-</c>); several are one run.</param>
public sealed record DiagnosisRequest(IReadOnlyList<string> Sources)
{
    /// <summary>How the sources are read (stdin, every log or failed jobs' only, readable again).</summary>
    public SourceOptions Reading { get; init; } = new();

    /// <summary>A passing log of the same job (<c>--baseline</c>): lines it also has rank lower. Enrichers then give none.</summary>
    public string? Baseline { get; init; }

    /// <summary>The format to render in, a name of the pipeline's renderers; null when the host only wants the report.</summary>
    public string? Format { get; init; }

    /// <summary>Where the rendered report goes (colour, the full report's URL, the runner's environment).</summary>
    public RenderTarget Target { get; init; } = new();

    /// <summary>Called from worker threads as jobs finish and bytes are read.</summary>
    public Action<RunProgress>? Progress { get; init; }
}
