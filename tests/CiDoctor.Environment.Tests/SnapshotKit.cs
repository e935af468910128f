using CiDoctor.Env.Snapshots;

namespace CiDoctor.Environment.Tests;

/// <summary>Hand-made snapshots for the diff, manifest and evidence tests.</summary>
internal static class SnapshotKit
{
    public static EnvSnapshot Snapshot(
        IReadOnlyDictionary<string, ToolInfo>? tools = null,
        IReadOnlyDictionary<string, string>? env = null,
        string[]? path = null,
        TmpInfo? tmp = null,
        int cpus = 4,
        long memory = 16L << 30,
        long available = 12L << 30,
        IReadOnlyList<DiskInfo>? disks = null) => new()
        {
            CapturedAt = "2026-01-22T20:31:02Z",
            Host = new HostInfo("runner", "Linux", "6.1", "x64", cpus, memory, available),
            User = new UserInfo("runner", 1001, "/home/runner", "/bin/bash"),
            Container = new ContainerInfo(false, null, null),
            Tmp = tmp ?? Tmp("/tmp", usable: true),
            Disks = disks ?? [new DiskInfo("/", "ext4", 100L << 30, 50L << 30)],
            Folders = [new FolderSpace("work", "/home/runner/work", 50L << 30, null)],
            Path = [.. (path ?? ["/usr/local/bin", "/usr/bin", "/bin"]).Select(p => new PathEntry(p, true))],
            Tools = tools ?? new Dictionary<string, ToolInfo>(),
            Env = env ?? new Dictionary<string, string>(),
        };

    public static TmpInfo Tmp(string path, bool usable) =>
        new(path, new Dictionary<string, string?> { ["TMPDIR"] = path }, usable, usable, usable, usable ? 1L << 30 : null, usable ? null : $"{path} does not exist");

    public static ToolInfo Found(string path, string? version = null) => new(true, path, version);

    public static readonly ToolInfo Missing = new(false, null, null);
}
