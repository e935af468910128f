using CiDoctor.Core.Model;

namespace CiDoctor.Core.Logs;

/// <summary>What consumes the lines of a <see cref="FastLineReader"/>: parsed lines, and runs of quiet ones.</summary>
internal interface ILineSink
{
    /// <summary>
    /// A parsed line, secrets masked. <paramref name="literals"/>, when not null, holds the
    /// indexes (into <see cref="FastLineReader.Literals"/>) of every literal that may occur in its
    /// text: those the reader found in its bytes, the text being part of them.
    /// </summary>
    void Line(LogLine line, IReadOnlyList<int>? literals);

    /// <summary>
    /// Lines <paramref name="first"/> to <paramref name="last"/> are quiet: nothing reacts to them,
    /// so they were not parsed. During this call, <see cref="FastLineReader.QuietText"/> gives the
    /// text of any of them.
    /// </summary>
    void Quiet(long first, long last, int step, LineKind kind);
}
