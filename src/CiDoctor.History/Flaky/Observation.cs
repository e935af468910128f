namespace CiDoctor.History.Flaky;

/// <summary>
/// One run of a job, step or test as classification sees it: where (run, commit), whether it
/// failed, and how (signature, failing tests). Only passed and failed runs are observations;
/// cancelled, skipped and unknown ones say nothing about flakiness.
/// </summary>
/// <param name="Run">The run's label (run id, <c>#attempt</c> after the first, or its content key).</param>
/// <param name="RunId">The provider's run id shared by its attempts (null for a bare log): a pass on a retry of a failed attempt is flaky.</param>
/// <param name="At">When the run started (ISO 8601, UTC).</param>
/// <param name="FailingTests">Ids of the job's failing tests in this run (empty for steps and tests).</param>
public sealed record Observation(string Run, string? RunId, string? Commit, bool Failed, string? Signature, string At, IReadOnlyCollection<string> FailingTests)
{
    public Observation(string run, string? commit, bool failed, string? signature = null)
        : this(run, null, commit, failed, signature, run, [])
    {
    }
}
