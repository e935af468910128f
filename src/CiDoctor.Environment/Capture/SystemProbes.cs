using System.Runtime.InteropServices;
using CiDoctor.Env.Snapshots;

namespace CiDoctor.Env.Capture;

/// <summary>Host, user, container and disk facts, read from the runtime and (on Linux) /proc.</summary>
internal static class SystemProbes
{
    public static HostInfo Host()
    {
        var meminfo = ReadKeyValues("/proc/meminfo");
        return new HostInfo(
            System.Environment.MachineName,
            RuntimeInformation.OSDescription,
            ReadFirstLine("/proc/sys/kernel/osrelease"),
            RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(),
            System.Environment.ProcessorCount,
            Kib(meminfo, "MemTotal") ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            Kib(meminfo, "MemAvailable"));
    }

    public static UserInfo User()
    {
        var status = ReadKeyValues("/proc/self/status");
        int? uid = status.TryGetValue("Uid", out var u) && int.TryParse(u.Split('\t', ' ', StringSplitOptions.RemoveEmptyEntries)[0], out int id) ? id : null;
        return new UserInfo(
            System.Environment.UserName,
            uid,
            System.Environment.GetEnvironmentVariable("HOME") ?? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile),
            System.Environment.GetEnvironmentVariable("SHELL"));
    }

    /// <summary>Container by its marker files and PID 1's cgroups; systemd unit by the process's own cgroup.</summary>
    public static ContainerInfo Container()
    {
        string? kind = null;
        if (File.Exists("/.dockerenv"))
        {
            kind = "docker";
        }
        else if (File.Exists("/run/.containerenv"))
        {
            kind = "podman";
        }
        else if (System.Environment.GetEnvironmentVariable("container") is { Length: > 0 } declared)
        {
            kind = declared;
        }
        else if (System.Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST") is { Length: > 0 })
        {
            kind = "kubernetes";
        }
        else
        {
            string cgroup = ReadAll("/proc/1/cgroup") ?? "";
            kind = cgroup.Contains("kubepods", StringComparison.Ordinal) ? "kubernetes"
                : cgroup.Contains("docker", StringComparison.Ordinal) ? "docker"
                : cgroup.Contains("containerd", StringComparison.Ordinal) ? "containerd"
                : cgroup.Contains("/lxc", StringComparison.Ordinal) ? "lxc"
                : null;
        }
        return new ContainerInfo(kind is not null, kind, SystemdUnit(ReadAll("/proc/self/cgroup")));
    }

    /// <summary>The <c>*.service</c> of the innermost cgroup path, e.g. <c>0::/system.slice/forgejo-runner.service</c>.</summary>
    internal static string? SystemdUnit(string? cgroup)
    {
        if (cgroup is null)
        {
            return null;
        }
        foreach (string line in cgroup.Split('\n'))
        {
            var parts = line.Split('/');
            for (int i = parts.Length - 1; i >= 0; i--)
            {
                if (parts[i].EndsWith(".service", StringComparison.Ordinal) && !parts[i].StartsWith("user@", StringComparison.Ordinal))
                {
                    return parts[i];
                }
            }
        }
        return null;
    }

    public static IReadOnlyList<DiskInfo> Disks()
    {
        var disks = new List<DiskInfo>();
        foreach (var drive in DriveInfo.GetDrives())
        {
            try
            {
                if (!drive.IsReady || drive.TotalSize == 0 || IsPseudo(drive.DriveFormat))
                {
                    continue;
                }
                disks.Add(new DiskInfo(drive.Name, drive.DriveFormat, drive.TotalSize, drive.AvailableFreeSpace));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A mount we may not look at (another user's FUSE mount) is skipped, not fatal.
            }
        }
        // A mount seen twice (bind mounts, /proc/mounts listing it again) is one disk.
        return [.. disks.DistinctBy(d => d.Mount, StringComparer.Ordinal).OrderBy(d => d.Mount, StringComparer.Ordinal)];
    }

    // Kernel file systems with no room for a build: listing them only hides the real disks.
    private static bool IsPseudo(string format) => format is "proc" or "sysfs" or "cgroup" or "cgroup2" or "devpts" or "mqueue"
        or "debugfs" or "tracefs" or "securityfs" or "pstore" or "bpf" or "configfs" or "fusectl" or "hugetlbfs" or "autofs"
        or "binfmt_misc" or "nsfs" or "rpc_pipefs" or "efivarfs" or "selinuxfs";

    /// <summary>Free bytes of the file system holding <paramref name="path"/>: the disk whose mount is its longest prefix.</summary>
    public static FolderSpace Folder(string role, string path, IReadOnlyList<DiskInfo> disks)
    {
        try
        {
            string full = System.IO.Path.GetFullPath(path);
            if (!Directory.Exists(full))
            {
                return new FolderSpace(role, full, null, "does not exist");
            }
            var disk = disks.Where(d => IsUnder(full, d.Mount)).MaxBy(d => d.Mount.Length);
            return new FolderSpace(role, full, disk?.FreeBytes ?? new DriveInfo(full).AvailableFreeSpace, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return new FolderSpace(role, path, null, Probes.OneLine(e.Message));
        }
    }

    internal static bool IsUnder(string path, string mount) =>
        mount == "/" || path == mount.TrimEnd('/') || path.StartsWith(mount.TrimEnd('/') + "/", StringComparison.Ordinal);

    private static Dictionary<string, string> ReadKeyValues(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in (ReadAll(path) ?? "").Split('\n'))
        {
            int colon = line.IndexOf(':');
            if (colon > 0)
            {
                values[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }
        return values;
    }

    private static long? Kib(Dictionary<string, string> meminfo, string key) =>
        meminfo.TryGetValue(key, out var v) && long.TryParse(v.Split(' ')[0], out long kib) ? kib * 1024 : null;

    private static string? ReadFirstLine(string path) => ReadAll(path)?.Split('\n')[0].Trim();

    private static string? ReadAll(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
