using CiDoctor.Core.Model;

namespace CiDoctor.Core.Reports;

/// <summary>Turns a report into one output format.</summary>
public interface IReportRenderer
{
    /// <summary>The <c>--format</c> name.</summary>
    string Format { get; }

    void Render(RunReport report, TextWriter output);
}
