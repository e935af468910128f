using CiDoctor.Core.Model;
using CiDoctor.Core.Pipeline;
using CiDoctor.Core.Sources;
using CiDoctor.Env.Snapshots;

namespace CiDoctor.Env.Evidence;

/// <summary>
/// An environment snapshot in the diagnosis pipeline (<c>diagnose --env SNAP.json</c>): its facts
/// become evidence of the failed jobs (<see cref="SnapshotEvidence"/>). Read when the pipeline is
/// composed, so a missing or bad snapshot is an error before any log is scanned.
/// </summary>
public sealed class SnapshotEnricher : IReportEnricher, IRunEnrichment
{
    private readonly EnvSnapshot _snapshot;
    private readonly string _name;

    /// <param name="name">How evidence names the snapshot (<c>file</c> of its evidence lines).</param>
    public SnapshotEnricher(EnvSnapshot snapshot, string name)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _snapshot = snapshot;
        _name = name;
    }

    public string Name => "environment snapshot";

    /// <summary>The snapshot file at <paramref name="path"/>; anything unreadable is one clear <see cref="Core.CiDoctorException"/>.</summary>
    public static SnapshotEnricher Read(string path) => new(SnapshotJson.Read(path), Path.GetFileName(path));

    // Nothing per run: the snapshot is the same for every run the pipeline diagnoses.
    public IRunEnrichment Begin(RunInput input) => this;

    public RunReport Enrich(RunReport report) => SnapshotEvidence.Apply(report, _snapshot, _name);
}
