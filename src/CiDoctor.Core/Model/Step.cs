namespace CiDoctor.Core.Model;

/// <summary>A step of a job as read from its log (or from run.json).</summary>
/// <param name="Index">0-based position in the job.</param>
/// <param name="Name">The step's name as the CI system shows it.</param>
/// <param name="Status">Failed, passed or unknown when the log does not say.</param>
/// <param name="ExitCode">The exit code the log reports for the step, if any.</param>
/// <param name="FirstLine">1-based number of the step's first line (its header when it has one).</param>
/// <param name="LastLine">1-based number of the step's last line.</param>
internal sealed record Step(int Index, string Name, RunStatus Status, int? ExitCode, long FirstLine, long LastLine);
