namespace CiDoctor.Core.Logs;

/// <summary>How <see cref="LogReadSession.Read"/> reads a log; the lines its observers see are the same whatever these say.</summary>
public sealed record LineReadOptions
{
    /// <summary>
    /// Lets the read skip quiet lines unparsed (<see cref="FastLineReader"/>); false parses every
    /// line, the reference the fast path is tested against.
    /// </summary>
    public bool SkipQuietLines { get; init; } = true;

    /// <summary>
    /// With the fast reader, reads, parses and matches the log on a second thread while the
    /// observers run (when the machine has more than one core).
    /// </summary>
    public bool ReadInParallel { get; init; } = true;

    /// <summary>Tests: the fast path, and its second thread, even for a small log (which is parsed line by line).</summary>
    internal bool FastPathWhenSmall { get; init; }

    /// <summary>Bytes the fast reader reads at a time; tests make it small to cross block boundaries often.</summary>
    internal int BlockBytes { get; init; } = FastLineReader.DefaultBlockBytes;
}
