using CiDoctor.Core.Model;

namespace CiDoctor.Core.Reports;

/// <summary>Turns a run's report into one output format (<c>diagnose --format</c>).</summary>
public interface IReportRenderer : IRenderer<RunReport>
{
    /// <summary>
    /// True when the renderer shows the lines around each evidence line
    /// (<see cref="JobDiagnosis.Excerpts"/>): the pipeline then reads each log a second time to
    /// fill them, a cost the other formats do not pay.
    /// </summary>
    bool ShowsExcerpts => false;
}
