using CiDoctor.Core.Model;

namespace CiDoctor.Core.Logs;

/// <summary>The closing lines of every CI system (<see cref="ClosingLines"/>), as every format takes them in.</summary>
internal abstract partial class LogParser
{
    private readonly ClosingState _closing = new();

    // The step a headless tail belongs to (begun at line 1), and, while probing the head, the
    // step a closing line named before any step began.
    private string? _headless;
    private string? _headlessNamed;

    /// <summary>
    /// True when the first exit report among the closing lines is the job's failure line. Not for
    /// a log whose format is unknown: a pasted excerpt shows streams out of order (what a shell
    /// prints on exit lands after CircleCI's <c>Exited with code 1</c>), so output after the
    /// report may still be the cause.
    /// </summary>
    protected virtual bool ClosingFailureLine => true;

    /// <summary>
    /// The step a pasted tail is the output of, when its head shows it: a closing line that names
    /// the failed step (<c>The command "npm test" exited with 1.</c>, <c>Build step 'Execute shell'
    /// marked build as failure</c>) before the format saw any step header. The lines above it are
    /// that step's output, so the step starts at line 1. Found by reading the head with a fresh
    /// parser; null when the head shows no such line.
    /// </summary>
    private string? HeadlessStep(IReadOnlyList<string> head, Func<LogParser> probe)
    {
        if (!head.Any(l => ClosingLines.Read(l) is { Tier: ClosingTier.Runner, Step: not null }))
        {
            return null;
        }
        var reader = probe();
        reader.Start(SourceName, CopyShape.None, head);
        for (int i = 0; i < head.Count && reader._headlessNamed is null; i++)
        {
            reader.Parse(i + 1, head[i]);
        }
        return reader._headlessNamed;
    }

    /// <summary>
    /// Takes in a closing line the format has parsed. When it reports a failure the format did not
    /// place, the failure goes to the step it names (found by name, else begun at this line: a
    /// pasted tail has no header) or, when it names none, to the open step.
    /// </summary>
    private LogLine Closing(ClosingReport report, LogLine line)
    {
        _closing.Add(report, line.Text, line.Number);
        if (report.Tier != ClosingTier.Runner || !report.Fails || report.Class == FailureClass.Cancelled || FailurePlaced())
        {
            return line;
        }
        int step = report.Step is string name ? StepNamed(name, line.Number) : CurrentStep;
        if (step < 0)
        {
            return line;
        }
        // The failure line is the closing state's: a line that says why the job ended is a cause, not the report after it.
        Outcome(step, RunStatus.Failed, report.ExitCode);
        SetFailedStep(step);
        return line.Step == CurrentStep || step != CurrentStep ? line : line with { Step = CurrentStep };
    }

    /// <summary>True when the format already marked a step failed.</summary>
    private bool FailurePlaced() =>
        _failedStep is not null || (_openName is not null && _openStatus == RunStatus.Failed) || _steps.Exists(s => s.Status == RunStatus.Failed);

    /// <summary>
    /// The step a closing line names: the last one of that name (ignoring case), else the last one
    /// whose name holds it or is held by it (GitLab's <c>step_script</c> in the title
    /// <c>Executing "step_script" stage of the job script</c>, Travis' <c>npm test</c> in
    /// <c>Run npm test</c>), else a new step begun at <paramref name="line"/>.
    /// </summary>
    private int StepNamed(string name, long line)
    {
        for (int i = StepCount - 1; i >= 0; i--)
        {
            if (string.Equals(StepName(i), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        for (int i = StepCount - 1; i >= 0 && name.Length >= MinContainedName; i--)
        {
            string other = StepName(i);
            if (other.Length >= MinContainedName
                && (other.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(other, StringComparison.OrdinalIgnoreCase)))
            {
                return i;
            }
        }
        if (StepCount == 0)
        {
            _headlessNamed = name;
        }
        BeginStep(name, line);
        return CurrentStep;
    }

    // Shorter names ("go", "sh") would be found inside unrelated ones.
    private const int MinContainedName = 4;
}
