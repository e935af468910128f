using CiDoctor.Core.Model;
using CiDoctor.Core.Reports;
using CiDoctor.Core.Sources;

namespace CiDoctor.Core.Pipeline;

/// <summary>
/// A finished diagnosis: the enriched report, what it was diagnosed from, and the request's
/// renderer. Disposing it releases the sources (temporary folders of downloaded runs), so keep it
/// while the logs may still be read (recording them in history).
/// </summary>
public sealed class DiagnosedRun : IDisposable
{
    private readonly IReportRenderer? _renderer;
    private readonly IReadOnlyList<SourceRun> _sources;

    internal DiagnosedRun(RunInput input, RunReport report, IReportRenderer? renderer, IReadOnlyList<SourceRun> sources)
    {
        Input = input;
        Report = report;
        _renderer = renderer;
        _sources = sources;
    }

    /// <summary>The run as its sources read it (one job per log, run.json's facts).</summary>
    public RunInput Input { get; }

    /// <summary>The diagnosis, with every enricher's additions (and a note for each that failed).</summary>
    public RunReport Report { get; }

    /// <summary>Renders <see cref="Report"/> in the request's format.</summary>
    public void Render(TextWriter output)
    {
        var renderer = _renderer ?? throw new InvalidOperationException("the request named no format");
        renderer.Render(Report, output);
    }

    public void Dispose()
    {
        foreach (var source in _sources)
        {
            source.Dispose();
        }
    }
}
