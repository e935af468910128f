using CiDoctor.Core.Model;

namespace CiDoctor.Core.Logs;

/// <summary>
/// What a read pushes a log's lines to, in order and on one thread, as ripgrep's searcher pushes
/// matches to a sink: the scan, structural trackers such as Nix cascades. The read drives
/// (<see cref="LogReadSession.Read"/>); observers are composed once (<see cref="LineObservers"/>)
/// and never pull lines.
/// </summary>
public interface ILineObserver
{
    /// <summary>
    /// Literals without which a line means nothing to this observer: a line that holds none of
    /// any observer's, nor of the read's <see cref="ILineMatcher"/>, may reach it only as part of
    /// a <see cref="QuietRun"/>.
    /// </summary>
    IReadOnlyList<(string Literal, bool IgnoreCase)> Markers { get; }

    /// <summary>Lines at the start of each quiet run this observer needs decoded: as far as it still looks ahead after a line it reacted to.</summary>
    int QuietLead => 0;

    /// <summary>Lines at the end of each quiet run this observer needs decoded: as many as it keeps of the lines before the next one.</summary>
    int QuietTrail => 0;

    /// <summary>A parsed line, secrets masked, with what the read's matcher found in it (<see cref="ILineMatcher.Match"/>).</summary>
    void Line(in LogLine line, int[] matches);

    /// <summary>A run of quiet lines: nothing the matcher or an observer looks for occurs in them, so they were not parsed.</summary>
    void Quiet(in QuietRun run)
    {
    }
}

/// <summary>Lines <paramref name="First"/> to <paramref name="Last"/>, all quiet, of one step and kind.</summary>
/// <param name="Decoded">
/// The lines an observer may look at or keep, decoded and in order: the first
/// <see cref="ILineObserver.QuietLead"/> and the last <see cref="ILineObserver.QuietTrail"/> of the
/// run (every line of a short one); the lines between them pass unseen.
/// </param>
public readonly record struct QuietRun(long First, long Last, LogLine[] Decoded)
{
    /// <summary>How many lines the run has (most of a long one are not in <see cref="Decoded"/>).</summary>
    public long Count => Last - First + 1;
}
