namespace CiDoctor.History.Records;

/// <summary>
/// A run as it is recorded: what run.json says of it, or a content hash of its logs when there
/// is no run.json, and its jobs. Built by <c>RunRecorder</c>; stores keep it as given.
/// </summary>
/// <param name="Key">The run's identity (see <see cref="Recording.RunKey"/>); re-adding a key changes nothing.</param>
/// <param name="Repository">Empty when unknown (a bare log).</param>
/// <param name="Workflow">Empty when unknown.</param>
/// <param name="OrderedAt">Sorts runs in time: the run's start, else when it was recorded (ISO 8601, UTC).</param>
/// <param name="RecordedAt">When <c>history add</c> recorded it (ISO 8601, UTC).</param>
public sealed record RunRecord(
    string Key,
    string? Provider,
    string Repository,
    string? RunId,
    int Attempt,
    string Workflow,
    string? Branch,
    string? Commit,
    string? Event,
    string? StartedAt,
    string? Url,
    string OrderedAt,
    string RecordedAt,
    IReadOnlyList<JobRecord> Jobs);
