using System.Text.RegularExpressions;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Logs;

/// <summary>
/// One shape of closing line: a literal every such line contains (the reader's fast path parses
/// the lines that hold it), the pattern (groups <c>exit</c> and <c>step</c> when the line gives
/// them), and what it says about the job.
/// </summary>
/// <param name="Literal">ASCII text every matching line contains, case-sensitive.</param>
/// <param name="Pattern">The line's shape; <c>exit</c> captures the exit code, <c>step</c> the failed step's name.</param>
/// <param name="Class">How the job ended, by the CI system's own words.</param>
/// <param name="Tier">Who printed it.</param>
/// <param name="Step">The failed step this line names when the name is implied rather than captured.</param>
/// <param name="Soft">A failure the runner retries (GitLab's <c>Preparation failed</c>): it says how the job is going, not which step failed.</param>
internal sealed record ClosingLine(string Literal, Regex Pattern, FailureClass Class, ClosingTier Tier = ClosingTier.Runner, string? Step = null, bool Soft = false)
{
    /// <summary>What <paramref name="match"/> (a match of <see cref="Pattern"/>) reports.</summary>
    public ClosingReport Report(Match match)
    {
        var exit = match.Groups["exit"];
        var step = match.Groups["step"];
        int? code = exit.Success && int.TryParse(exit.ValueSpan, out int value) ? value : null;
        string? name = step.Success && step.Length > 0 ? step.Value.Trim() : Step;
        // A zero exit code is a step that passed (Travis reports every command).
        bool fails = code is not 0;
        return new ClosingReport(this, code, fails ? name : null, fails);
    }
}
