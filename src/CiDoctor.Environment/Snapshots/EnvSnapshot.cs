namespace CiDoctor.Env.Snapshots;

/// <summary>
/// What a job really had at run time (docs/ENVIRONMENT.md): written by <c>env capture</c>, read
/// by <c>env diff</c>, <c>env check</c> and <c>diagnose --env</c>. Values of environment
/// variables outside an allow-list are <c>***</c>; credential files are listed, never read.
/// </summary>
public sealed record EnvSnapshot
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string CapturedAt { get; init; }
    public required HostInfo Host { get; init; }
    public required UserInfo User { get; init; }
    public required ContainerInfo Container { get; init; }
    public required TmpInfo Tmp { get; init; }
    public IReadOnlyList<DiskInfo> Disks { get; init; } = [];
    /// <summary>Free space where the job works, writes temporary files and keeps its home.</summary>
    public IReadOnlyList<FolderSpace> Folders { get; init; } = [];
    public IReadOnlyList<PathEntry> Path { get; init; } = [];
    public IReadOnlyDictionary<string, ToolInfo> Tools { get; init; } = new SortedDictionary<string, ToolInfo>(StringComparer.Ordinal);
    public IReadOnlyDictionary<string, string> Env { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
    public IReadOnlyList<EndpointInfo> Endpoints { get; init; } = [];
    public LoopbackInfo? Loopback { get; init; }
    public IReadOnlyList<CredentialFile> Credentials { get; init; } = [];
    /// <summary>Each probe's outcome: a probe that failed or hung is recorded here, and capture goes on.</summary>
    public IReadOnlyList<ProbeResult> Probes { get; init; } = [];
}

public sealed record HostInfo(string Name, string Os, string? Kernel, string Architecture, int CpuCount, long? MemoryBytes, long? MemoryAvailableBytes);

public sealed record UserInfo(string Name, int? Uid, string? Home, string? Shell);

/// <param name="Kind">docker, podman, kubernetes, lxc, containerd or another name; null outside a container.</param>
/// <param name="SystemdUnit">The systemd unit the process runs in (a self-hosted runner's service), when any.</param>
public sealed record ContainerInfo(bool InContainer, string? Kind, string? SystemdUnit);

/// <param name="Path">The temporary folder programs use (TMPDIR, else /tmp).</param>
/// <param name="Variables">TMPDIR, TEMP and TMP as set (null when unset).</param>
/// <param name="CreatedTempDir">True when a folder could really be created there (and was removed).</param>
public sealed record TmpInfo(string Path, IReadOnlyDictionary<string, string?> Variables, bool Exists, bool Writable, bool CreatedTempDir, long? FreeBytes, string? Error);

public sealed record DiskInfo(string Mount, string? Format, long TotalBytes, long FreeBytes);

/// <param name="Role">work, temp or home.</param>
public sealed record FolderSpace(string Role, string Path, long? FreeBytes, string? Error);

public sealed record PathEntry(string Dir, bool Exists);

public sealed record ToolInfo(bool Found, string? Path, string? Version, string? Error = null);

/// <param name="FirstConnectMs">TCP connect time of a first connection; null when it failed.</param>
/// <param name="SecondConnectMs">Of a second connection right after (seed 002: the first can be slow, the second not).</param>
public sealed record EndpointInfo(string Endpoint, string Host, int Port, IReadOnlyList<string> Addresses, string? DnsError, double? FirstConnectMs, double? SecondConnectMs, string? ConnectError);

/// <summary>What <c>localhost</c> and <c>127.0.0.1</c> mean here (seed 003: inside a container, another machine).</summary>
public sealed record LoopbackInfo(IReadOnlyList<string> Localhost, string? LoopbackName, string? Error);

public sealed record CredentialFile(string Kind, string Path, bool Present);

/// <param name="Status">ok, failed or timeout.</param>
public sealed record ProbeResult(string Name, string Status, double Milliseconds, string? Error);
