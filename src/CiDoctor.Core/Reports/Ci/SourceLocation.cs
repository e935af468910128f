namespace CiDoctor.Core.Reports.Ci;

/// <summary>A place in a file of the repository that a log line names (<c>src/main.rs:12:5</c>).</summary>
/// <param name="Path">Relative to the workspace root, with <c>/</c> separators.</param>
/// <param name="Line">1-based line number in that file (never a log line number).</param>
/// <param name="Column">1-based column, when the tool printed one.</param>
internal sealed record SourceLocation(string Path, int Line, int? Column = null);
