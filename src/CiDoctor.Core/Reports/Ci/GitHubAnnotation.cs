namespace CiDoctor.Core.Reports.Ci;

/// <summary>One <c>::error</c> / <c>::warning</c> workflow command: what a GitHub run page shows beside the job.</summary>
/// <param name="Level"><c>error</c>, <c>warning</c> or <c>notice</c>.</param>
internal sealed record GitHubAnnotation(string Level, string Title, string Message, SourceLocation? Location = null)
{
    /// <summary>The workflow command line, escaped.</summary>
    public string ToCommand() => WorkflowCommand.Format(Level,
    [
        new("file", Location?.Path),
        new("line", Location?.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("col", Location?.Column?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("title", Title),
    ], Message);
}
