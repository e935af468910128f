namespace CiDoctor.History.Records;

/// <summary>A recorded run as a history window lists it.</summary>
public sealed record StoredRun(long Id, string Key, string Repository, string? RunId, int Attempt, string Workflow, string? Branch, string? Commit, string OrderedAt)
{
    /// <summary>How reports name the run: its run id (with <c>#attempt</c> after the first), else its key.</summary>
    public string Label => RunId is null ? Key : Attempt > 1 ? $"{RunId}#{Attempt}" : RunId;
}
