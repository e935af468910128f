using CiDoctor.Core.Model;
using CiDoctor.Core.Secrets;

namespace CiDoctor.Core.Logs;

/// <summary>
/// What the closing lines of one log said so far (<see cref="ClosingLines"/>): the exit code, how
/// the job ended and the line that said it. The runner's word beats a tool's: the job's exit code
/// is the first non-zero one a runner line reports (the step that failed first), else the last a
/// tool reported (the one nearest the end). How the job ended is the most telling class seen
/// (<see cref="Rank"/>), reported by the first line that said it.
/// </summary>
internal sealed class ClosingState
{
    private int? _toolExit;

    /// <summary>The first non-zero exit code a runner line reported.</summary>
    public int? RunnerExit { get; private set; }

    /// <summary>The exit code: the runner's, else the last non-zero one a tool reported.</summary>
    public int? ExitCode => RunnerExit ?? _toolExit;

    /// <summary>
    /// The first runner line that reported a command's exit or the job's failure without saying
    /// why (<c>Process completed with exit code 1.</c>, <c>ERROR: Job failed: exit code 1</c>):
    /// the report the failing output comes before. A line that says why (runner lost, time limit,
    /// system failure) is a cause itself, and is not one.
    /// </summary>
    public long? FailureLine { get; private set; }

    /// <summary>True when a runner line reported a failure other than a cancel.</summary>
    public bool Failed { get; private set; }

    /// <summary>True when a runner line reported a cancel.</summary>
    public bool Cancelled { get; private set; }

    /// <summary>How the job ended, by its most telling runner line.</summary>
    public FailureClass Class { get; private set; }

    /// <summary>The line that said <see cref="Class"/> (cleaned, masked, cut); null when no runner line reported a failure.</summary>
    public string? Report { get; private set; }

    /// <summary>Takes in the closing line <paramref name="text"/> (line <paramref name="number"/>).</summary>
    public void Add(ClosingReport report, string text, long number)
    {
        if (report.Tier == ClosingTier.Tool)
        {
            _toolExit = report.ExitCode is int code and not 0 ? code : _toolExit;
            return;
        }
        if (!report.Fails)
        {
            return;
        }
        RunnerExit ??= report.ExitCode;
        if (!report.Line.Soft && report.Class is FailureClass.Script or FailureClass.None)
        {
            FailureLine ??= number;
        }
        Cancelled |= report.Class == FailureClass.Cancelled;
        Failed |= report.Class != FailureClass.Cancelled;
        if (Report is null || Rank(report.Class) > Rank(Class))
        {
            Class = report.Class;
            Report = Finding.Cut(SecretMasker.MaskText(text.Trim()));
        }
    }

    /// <summary>
    /// How much a class says about why the job ended, when several lines speak: a lost runner or
    /// a time limit explains the cancel and the exit code that follow it (GitHub prints
    /// <c>The operation was canceled.</c> after both); a system failure or a refused configuration
    /// explains a script's exit code; a cancel explains the exit code the kill left.
    /// </summary>
    private static int Rank(FailureClass c) => c switch
    {
        FailureClass.RunnerLost => 6,
        FailureClass.Timeout => 5,
        FailureClass.Config => 4,
        FailureClass.System => 3,
        FailureClass.Cancelled => 2,
        FailureClass.Script => 1,
        _ => 0,
    };
}
