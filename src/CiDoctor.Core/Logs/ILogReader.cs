namespace CiDoctor.Core.Logs;

/// <summary>
/// Knows one CI system's log format: recognises it and makes a parser for one log.
/// </summary>
internal interface ILogReader
{
    /// <summary>The CI system name (<c>github</c>, <c>gitlab</c>, …).</summary>
    string Ci { get; }

    /// <summary>
    /// How sure this reader is that the log is in its format, from the first lines of the file
    /// (raw, ANSI escapes kept): 0 = not this format; higher wins. Plain text scores 1.
    /// </summary>
    int Detect(IReadOnlyList<string> head);

    /// <summary>A fresh parser for one log.</summary>
    LogParser CreateParser();
}
