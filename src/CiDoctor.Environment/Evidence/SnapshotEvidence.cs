using System.Globalization;
using CiDoctor.Core.Model;
using CiDoctor.Env.Drift;
using CiDoctor.Env.Snapshots;

namespace CiDoctor.Env.Evidence;

/// <summary>
/// <c>diagnose --env SNAP.json</c>: the snapshot confirms (or questions) a verdict. A tool the log
/// could not run is looked up in the snapshot's tools; a temp-folder failure in its TMPDIR probe;
/// disk-full and OOM in its free space and memory. The facts used become evidence with
/// <c>source: snapshot</c> — causes when they confirm, context when they do not.
/// </summary>
public static class SnapshotEvidence
{
    /// <summary>A disk or memory this empty supports a disk-full or OOM verdict.</summary>
    public const double LowShare = 0.10;

    // What a snapshot can say of a verdict, by the mechanism that failed (DESIGN.md's kind vocabulary).
    private static readonly Dictionary<string, Func<EnvSnapshot, IEnumerable<(string Text, bool Confirms)>>> FactsByKind = new(StringComparer.Ordinal)
    {
        ["tmpdir"] = s => [TmpFact(s.Tmp)],
        ["disk-full"] = DiskFacts,
        ["oom"] = s => [MemoryFact(s.Host)],
    };

    public static RunReport Apply(RunReport report, EnvSnapshot snapshot, string snapshotName)
    {
        var jobs = report.Jobs.Select(j => j.Status == RunStatus.Failed ? Apply(j, snapshot, snapshotName) : j).ToList();
        return report with { Jobs = jobs };
    }

    private static JobDiagnosis Apply(JobDiagnosis job, EnvSnapshot snapshot, string name)
    {
        var facts = new List<(string Text, bool Confirms)>();
        var tools = job.Evidence.Where(e => e.Source == EvidenceSource.Log).SelectMany(e => ToolMentions.In(e.Text)).Distinct(StringComparer.Ordinal).ToList();
        foreach (string tool in tools)
        {
            facts.Add(ToolFact(tool, snapshot));
        }
        if (job.RootCause is { } cause && FactsByKind.TryGetValue(cause.Kind, out var kindFacts))
        {
            facts.AddRange(kindFacts(snapshot));
        }
        if (facts.Count == 0)
        {
            return job;
        }
        var added = facts.Select(f => new EvidenceLine(null, $"snapshot ({snapshot.CapturedAt}): {f.Text}", f.Confirms ? EvidenceRole.Cause : EvidenceRole.Context, EvidenceSource.Snapshot, name)).ToList();
        // Cause entries stay before context entries (DESIGN.md), snapshot facts after the log's of each role.
        var evidence = job.Evidence.Where(e => e.Role == EvidenceRole.Cause)
            .Concat(added.Where(e => e.Role == EvidenceRole.Cause))
            .Concat(job.Evidence.Where(e => e.Role != EvidenceRole.Cause))
            .Concat(added.Where(e => e.Role != EvidenceRole.Cause))
            .ToList();
        var rootCause = job.RootCause;
        if (rootCause is not null && facts.Any(f => f.Confirms))
        {
            rootCause = rootCause with { Confidence = Math.Round(Math.Min(0.97, rootCause.Confidence + 0.05), 2) };
        }
        return job with { Evidence = evidence, RootCause = rootCause };
    }

    private static (string Text, bool Confirms) ToolFact(string tool, EnvSnapshot snapshot)
    {
        string path = string.Join(':', snapshot.Path.Select(p => p.Dir));
        if (!snapshot.Tools.TryGetValue(tool, out var info))
        {
            return ($"{tool} was not probed (capture with --tools {tool} to check it)", false);
        }
        return info.Found
            ? ($"{tool} is on PATH at {info.Path}{(info.Version is null ? "" : $" ({info.Version})")}: the failing step ran with another PATH or user than the capture", false)
            : ($"{tool} is not installed: not found on PATH ({path})", true);
    }

    private static (string Text, bool Confirms) TmpFact(TmpInfo tmp)
    {
        string vars = string.Join(", ", tmp.Variables.Select(v => $"{v.Key}={v.Value ?? "(unset)"}"));
        return tmp.Exists && tmp.Writable && tmp.CreatedTempDir
            ? ($"a temporary folder could be created in {tmp.Path} ({vars})", false)
            : ($"no temporary folder can be created in {tmp.Path}: {tmp.Error ?? "not writable"} ({vars})", true);
    }

    private static IEnumerable<(string Text, bool Confirms)> DiskFacts(EnvSnapshot snapshot)
    {
        var low = snapshot.Disks.Where(d => d.TotalBytes > 0 && d.FreeBytes < LowShare * d.TotalBytes).ToList();
        if (low.Count > 0)
        {
            return low.Select(d => ($"{d.Mount} has {EnvDiff.Bytes(d.FreeBytes)} free of {EnvDiff.Bytes(d.TotalBytes)} ({Percent(d.FreeBytes, d.TotalBytes)})", true));
        }
        var folders = snapshot.Folders.Where(f => f.FreeBytes is not null).Select(f => $"{f.Role} {f.Path}: {EnvDiff.Bytes(f.FreeBytes!.Value)} free");
        return [($"no disk was nearly full when captured ({string.Join("; ", folders)})", false)];
    }

    private static (string Text, bool Confirms) MemoryFact(HostInfo host)
    {
        if (host.MemoryBytes is not long total || host.MemoryAvailableBytes is not long available)
        {
            return ("memory was not measured", false);
        }
        string text = $"{EnvDiff.Bytes(available)} of {EnvDiff.Bytes(total)} memory available ({Percent(available, total)}), {host.CpuCount} CPUs";
        return (text, Confirms: (available < LowShare * total));
    }

    private static string Percent(long part, long whole) => (100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + "%";
}
