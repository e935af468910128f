using CiDoctor.History.Records;

namespace CiDoctor.History;

/// <summary>
/// The run history (DESIGN.md "History", "Storage"): runs keyed by (provider, repository, runId,
/// attempt) or by content hash, jobs by (repository, workflow, name), tests by (job, JUnit id).
/// One contract, two stores (<c>SqliteRunStore</c>, <c>PostgresRunStore</c>); both pass the same
/// contract test suite. Every method opens its own connection, so a store may be shared by threads.
/// </summary>
public interface IRunStore : IDisposable
{
    /// <summary>Where the store is, for messages (a file path, or host:port/database; never a password).</summary>
    string Where { get; }

    /// <summary>Records a run in one transaction; a run whose key is already recorded changes nothing.</summary>
    AddResult Add(RunRecord run);

    /// <summary>The last runs matching <paramref name="filter"/>, oldest first, with their jobs, steps and tests.</summary>
    HistoryWindow Window(RunFilter filter);

    /// <summary>One recorded run (by store id) with its jobs, steps and tests, or an empty window.</summary>
    HistoryWindow Run(long runId);

    /// <summary>The store ids of every recorded run, oldest first.</summary>
    IReadOnlyList<long> RunIds();

    /// <summary>
    /// Every failed job matching <paramref name="filter"/>, oldest run first (then job name, then
    /// store id), read as the caller enumerates: a history of millions of failures is never held
    /// in memory at once. Enumerate it to the end or dispose the enumerator (it holds a connection).
    /// </summary>
    IEnumerable<StoredFailure> Failures(FailureFilter filter);

    /// <summary>True when a run with this key is recorded.</summary>
    bool Contains(string runKey);

    /// <summary>
    /// The log of the newest passing run of the job (on <paramref name="branch"/> when given),
    /// decompressed, or null when none is stored. The caller disposes the stream.
    /// </summary>
    Stream? LastGreenLog(string repository, string workflow, string job, string? branch = null);

    /// <summary>The stored log of one job run, decompressed, or null; with its name in the run.</summary>
    (string Name, Stream Content)? Log(long jobRunId);

    /// <summary>Replaces a job run's diagnosis (re-scan with a newer catalog).</summary>
    void UpdateDiagnosis(long jobRunId, StoredDiagnosis diagnosis);
}
