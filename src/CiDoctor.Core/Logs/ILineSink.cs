using CiDoctor.Core.Model;

namespace CiDoctor.Core.Logs;

/// <summary>What consumes the lines of a <see cref="FastLineReader"/>: parsed lines, and runs of quiet ones.</summary>
public interface ILineSink
{
    /// <summary>A parsed line, secrets masked.</summary>
    void Line(LogLine line);

    /// <summary>
    /// Lines <paramref name="first"/> to <paramref name="last"/> are quiet: nothing reacts to them,
    /// so they were not parsed. During this call, <see cref="FastLineReader.QuietText"/> gives the
    /// text of any of them.
    /// </summary>
    void Quiet(long first, long last, int step, LineKind kind);
}
