using System.Text.RegularExpressions;
using CiDoctor.Core.Model;
using CiDoctor.Core.Secrets;

namespace CiDoctor.Core.Logs;

/// <summary>
/// Turns the raw lines of one log, in order, into <see cref="LogLine"/>s and, at the end, a
/// <see cref="JobLog"/>. Subclasses recognise their format's markers and call the step helpers;
/// this base keeps the step list and the job's outcome.
/// </summary>
internal abstract partial class LogParser
{
    private readonly List<Step> _steps = [];
    private string? _openName;
    private long _openFirst;
    private int? _openExit;
    private RunStatus _openStatus = RunStatus.Unknown;
    private int? _jobExit;
    private RunStatus _jobStatus = RunStatus.Unknown;
    private long? _failureLine;
    private int? _failedStep;
    // Steps begun so far: a line that began one is a header.
    private int _begun;
    private IReadOnlyList<string>? _markers;

    /// <summary>The CI system name this parser reads.</summary>
    public abstract string Ci { get; }

    /// <summary>Index of the step the next line belongs to, -1 before the first step.</summary>
    protected int CurrentStep => _openName is null ? -1 : _steps.Count;

    /// <summary>Name of the open step, null when none is open.</summary>
    protected string? CurrentStepName => _openName;

    /// <summary>Number of steps begun so far (closed ones plus the open one).</summary>
    protected int StepCount => _steps.Count + (_openName is null ? 0 : 1);

    /// <summary>
    /// The name of the log as the user gave it (relative path, archive entry, <c>-</c> for stdin),
    /// for formats whose only step is named after the file. Set before the first line.
    /// </summary>
    public string? SourceName { get; internal set; }

    /// <summary>What a job-page copy glued into the lines (page line numbers, anchors); removed before <see cref="ParseLine"/> sees a line.</summary>
    private protected CopyShape Shape { get; private set; } = CopyShape.None;

    /// <summary>Called once before the first line with the log's head (its first lines, copy residue removed).</summary>
    /// <param name="probe">
    /// Makes a fresh parser of this format, to read the head ahead (null: do not look ahead).
    /// </param>
    internal void Start(string? sourceName, CopyShape shape, IReadOnlyList<string> head, Func<LogParser>? probe = null)
    {
        SourceName = sourceName;
        Shape = shape;
        OnHead(head);
        _headless = probe is null ? null : HeadlessStep(head, probe);
    }

    /// <summary>
    /// Lets a format look ahead in the head of the log before the first line (a copy that starts
    /// inside a step's header block names the step only a few lines down).
    /// </summary>
    protected virtual void OnHead(IReadOnlyList<string> head)
    {
    }

    /// <summary>
    /// Parses one raw line (no line end). Lines arrive in order, numbered from 1. The format parses
    /// it (<see cref="ParseLine"/>); then, whatever the format, a closing line of any CI system
    /// (<see cref="ClosingLines"/>) is taken in: the job's exit code, how it ended, and the failed
    /// step when the format did not name one.
    /// </summary>
    public LogLine Parse(long number, string raw)
    {
        if (number == 1 && _headless is not null)
        {
            BeginStep(_headless, number);
        }
        int begun = _begun;
        var line = ParseLine(number, Shape.Unglue(number, raw));
        // A step's header names the step, and a run step's header its script's first line
        // ("##[group]Run echo 'exit code 1'"): neither is how anything ended.
        if (line.Kind != LineKind.Echo && begun == _begun && ClosingLines.Read(line.Text) is { } report)
        {
            line = Closing(report, line);
        }
        return line;
    }

    /// <summary>The format's parse of one raw line (copy residue already removed).</summary>
    protected abstract LogLine ParseLine(long number, string raw);

    // The fast path (docs/DECISIONS.md "Quiet lines"): most lines of a big log hold nothing any
    // reader, catalog mode or scorer reacts to. A format that lists its markers lets the reader
    // skip parsing such lines; each member below is a promise checked by the reader's tests
    // against parsing every line.

    /// <summary>
    /// Literals whose presence in a line may make <see cref="Parse"/> do more than the plain rule
    /// (headers, markers, exit reports); null when the format has no fast path.
    /// </summary>
    public IReadOnlyList<string>? Markers =>
        _markers ??= FormatMarkers is { } own ? [.. own.Concat(ClosingLines.Literals).Distinct()] : null;

    /// <summary>The format's own literals for <see cref="Markers"/> (the closing lines' are added to them); null when it has no fast path.</summary>
    protected virtual IReadOnlyList<string>? FormatMarkers => null;

    /// <summary>
    /// True when, in the current state, a line of printable ASCII (<paramref name="raw"/>, ANSI
    /// escapes kept) that contains none of the <see cref="Markers"/> would be parsed plainly:
    /// <see cref="Parse"/> would return its <see cref="PlainText"/> with <see cref="QuietStep"/>
    /// and <see cref="QuietKind"/>, changing nothing but what <see cref="OnQuietLines"/> changes.
    /// </summary>
    public virtual bool CanSkip(ReadOnlySpan<byte> raw) => false;

    /// <summary>The step a plainly parsed line belongs to.</summary>
    public virtual int QuietStep => CurrentStep;

    /// <summary>The kind of a plainly parsed line.</summary>
    public virtual LineKind QuietKind => LineKind.Content;

    /// <summary>
    /// The text of a plainly parsed line. It may be asked later, after other lines were parsed,
    /// so it must not depend on state that changes after the first line.
    /// </summary>
    public virtual string PlainText(string raw) => raw;

    /// <summary>The text of plainly parsed line <paramref name="number"/>: its <see cref="PlainText"/> once the copy residue is removed.</summary>
    public string PlainLine(long number, string raw) => PlainText(Shape.Unglue(number, raw));

    /// <summary>Lines <paramref name="first"/> to <paramref name="last"/> were skipped as plain: do what parsing them would have done.</summary>
    public virtual void OnQuietLines(long first, long last)
    {
    }

    /// <summary>The job facts after the last line.</summary>
    public JobLog Complete(long lineCount, long longLines, bool invalidUtf8)
    {
        OnComplete(lineCount);
        CloseStep(lineCount);
        int? failed = _failedStep;
        if (failed is null)
        {
            int index = _steps.FindIndex(s => s.Status == RunStatus.Failed);
            failed = index >= 0 ? index : null;
        }
        else if (failed is int named && named < _steps.Count && _steps[named].Status != RunStatus.Failed)
        {
            // A step named as the failed one is failed, whatever the format said about it before.
            _steps[named] = _steps[named] with { Status = RunStatus.Failed };
        }
        if (StepsStopAtFailure && failed is int stop)
        {
            for (int i = 0; i < stop && i < _steps.Count; i++)
            {
                if (_steps[i].Status == RunStatus.Unknown)
                {
                    _steps[i] = _steps[i] with { Status = RunStatus.Passed };
                }
            }
        }
        var status = _jobStatus;
        if (status == RunStatus.Unknown && (failed is not null || _jobExit is > 0 || _closing.Failed))
        {
            status = RunStatus.Failed;
        }
        else if (status == RunStatus.Unknown && _closing.Cancelled)
        {
            status = RunStatus.Cancelled;
        }
        // A job that passed in the end (a retried preparation, a command allowed to fail) did not
        // end as its closing lines said on the way.
        bool ended = status is RunStatus.Failed or RunStatus.Cancelled;
        int? exit = _jobExit ?? (failed is int f ? _steps[f].ExitCode : null) ?? (status == RunStatus.Passed ? null : _closing.ExitCode);
        return new JobLog(Ci, _steps.ToArray(), lineCount, exit, status, failed, _failureLine ?? (ClosingFailureLine ? _closing.FailureLine : null), longLines, invalidUtf8)
        {
            FailureClass = ended ? _closing.Class : FailureClass.None,
            FailureReport = ended ? _closing.Report : null,
        };
    }

    /// <summary>
    /// True for formats whose steps run one after the other and whose job stops at (or, for
    /// Travis' script phase, reports) the first failing one: the steps before it passed.
    /// </summary>
    protected virtual bool StepsStopAtFailure => false;

    /// <summary>Called before the last step is closed, for formats that learn things at the end.</summary>
    protected virtual void OnComplete(long lineCount)
    {
    }

    /// <summary>Starts a step at <paramref name="line"/>, closing the open one just before it.</summary>
    protected void BeginStep(string name, long line)
    {
        CloseStep(line - 1);
        _begun++;
        // Step names come from raw lines ("Run git push https://user:token@…") and are printed: mask them too.
        _openName = SecretMasker.MaskText(name.Trim());
        _openFirst = line;
        _openExit = null;
        _openStatus = RunStatus.Unknown;
    }

    /// <summary>Names the open step (formats that learn a step's name a line after it starts).</summary>
    protected void RenameOpenStep(string name)
    {
        if (_openName is not null)
        {
            _openName = SecretMasker.MaskText(name.Trim());
        }
    }

    /// <summary>Ends the open step at <paramref name="line"/> (inclusive).</summary>
    protected void EndStep(long line, RunStatus status = RunStatus.Unknown, int? exitCode = null)
    {
        if (_openName is null)
        {
            return;
        }
        if (exitCode is not null)
        {
            _openExit = exitCode;
        }
        if (status != RunStatus.Unknown)
        {
            _openStatus = status;
        }
        CloseStep(line);
    }

    /// <summary>Records the open step's exit code; non-zero marks the step (and job) failed.</summary>
    protected void StepExited(int exitCode, long line)
    {
        _openExit = exitCode;
        if (exitCode != 0)
        {
            _openStatus = RunStatus.Failed;
            MarkFailure(line);
        }
        else if (_openStatus == RunStatus.Unknown)
        {
            _openStatus = RunStatus.Passed;
        }
    }

    /// <summary>Marks the open step failed without an exit code (e.g. an action's error annotation).</summary>
    protected void StepFailed(long line)
    {
        if (_openName is not null)
        {
            _openStatus = RunStatus.Failed;
        }
        MarkFailure(line);
    }

    /// <summary>Records how the whole job ended, as its CI system reports it.</summary>
    protected void JobEnded(RunStatus status, int? exitCode, long line)
    {
        _jobStatus = status;
        if (exitCode is not null)
        {
            _jobExit = exitCode;
        }
        if (status == RunStatus.Failed)
        {
            MarkFailure(line);
        }
    }

    /// <summary>Names the failed step explicitly (formats that report it after the fact).</summary>
    protected void SetFailedStep(int index) => _failedStep = index;

    /// <summary>
    /// Records the outcome of any step begun so far, open or closed, for formats that report a
    /// step's result after later steps started (Nix builds in parallel; Jenkins reports at the end).
    /// A failed outcome also marks the job's failure line.
    /// </summary>
    protected void SetStepOutcome(int index, RunStatus status, int? exitCode, long line)
    {
        if (status == RunStatus.Failed && index >= 0 && index < StepCount)
        {
            MarkFailure(line);
        }
        Outcome(index, status, exitCode);
    }

    private void Outcome(int index, RunStatus status, int? exitCode)
    {
        if (index < 0 || index >= StepCount)
        {
            return;
        }
        if (index == _steps.Count)
        {
            _openStatus = status;
            _openExit = exitCode ?? _openExit;
            return;
        }
        var step = _steps[index];
        _steps[index] = step with { Status = status, ExitCode = exitCode ?? step.ExitCode };
    }

    /// <summary>Extends a closed step to <paramref name="line"/> (formats whose steps interleave).</summary>
    protected void ExtendStep(int index, long line)
    {
        if (index >= 0 && index < _steps.Count && _steps[index].LastLine < line)
        {
            _steps[index] = _steps[index] with { LastLine = line };
        }
    }

    /// <summary>The steps closed so far.</summary>
    protected IReadOnlyList<Step> ClosedSteps => _steps;

    /// <summary>The status of step <paramref name="index"/>, whether closed or still open.</summary>
    protected RunStatus StepStatus(int index) => index == _steps.Count && _openName is not null ? _openStatus : _steps[index].Status;

    /// <summary>The name of step <paramref name="index"/>, whether closed or still open.</summary>
    protected string StepName(int index) => index == _steps.Count && _openName is not null ? _openName : _steps[index].Name;

    private void MarkFailure(long line) => _failureLine ??= line;

    private void CloseStep(long lastLine)
    {
        if (_openName is null)
        {
            return;
        }
        _steps.Add(new Step(_steps.Count, _openName, _openStatus, _openExit, _openFirst, Math.Max(_openFirst, lastLine)));
        _openName = null;
    }

    /// <summary>Removes ANSI escapes, then an ISO-8601 timestamp prefix such as GitHub's.</summary>
    protected static string CleanWithIsoTimestamp(string raw)
    {
        string text = TextCleaner.StripAnsi(raw);
        return StripIsoTimestamp(text);
    }

    /// <summary><c>2024-05-01T10:00:00.1234567Z rest</c> becomes <c>rest</c>.</summary>
    public static string StripIsoTimestamp(string text)
    {
        if (text.Length < 20 || text[4] != '-' || text[10] != 'T' || !char.IsAsciiDigit(text[0]))
        {
            return text;
        }
        var m = IsoTimestamp().Match(text);
        return m.Success ? text[m.Length..] : text;
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)? ?", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex IsoTimestamp();
}
