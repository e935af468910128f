namespace CiDoctor.Core.Model;

/// <summary>
/// One line of a log as the scanner sees it: its 1-based number in the original file (a line ends
/// at <c>\r\n</c>, <c>\n</c> or a lone <c>\r</c>), its text with ANSI escapes and timestamp prefixes
/// removed, and the index of the step it belongs to (-1 before the first step).
/// </summary>
public readonly record struct LogLine(long Number, string Text, int Step, LineKind Kind = LineKind.Content);

/// <summary>What a reader made of a line.</summary>
public enum LineKind
{
    /// <summary>Output of the job's commands.</summary>
    Content,

    /// <summary>A marker written by the CI system (group header, section marker, exit report).</summary>
    Marker,

    /// <summary>The CI system echoing a step's script and settings before running it: never evidence.</summary>
    Echo,
}
