using CiDoctor.Core.Model;

namespace CiDoctor.Core.Logs;

/// <summary>What consumes the lines of a <see cref="FastLineReader"/>: parsed lines, and runs of quiet ones.</summary>
public interface ILineSink
{
    /// <summary>Lines up to this number must be parsed and given to <see cref="Line"/>, quiet or not (a finding's context still reads them).</summary>
    long ParseThrough { get; }

    /// <summary>A parsed line, secrets masked.</summary>
    void Line(LogLine line);

    /// <summary>
    /// Lines <paramref name="first"/> to <paramref name="last"/> are quiet: nothing reacts to them,
    /// so they were not parsed. Their text, if kept, comes from <see cref="FastLineReader.QuietText"/>
    /// while they are among the last <see cref="FastLineReader.Recent"/> lines.
    /// </summary>
    void Quiet(long first, long last, int step, LineKind kind);

    /// <summary>Quiet lines numbered below <paramref name="before"/> can no longer be fetched: fetch now the ones kept.</summary>
    void Releasing(long before);
}
