namespace CiDoctor.History.Records;

/// <summary>The last runs matching a <see cref="RunFilter"/>, oldest first, with their jobs, steps and tests.</summary>
public sealed record HistoryWindow(
    IReadOnlyList<StoredRun> Runs,
    IReadOnlyList<StoredJobRun> Jobs,
    IReadOnlyList<StoredStepRun> Steps,
    IReadOnlyList<StoredTestRun> Tests);
