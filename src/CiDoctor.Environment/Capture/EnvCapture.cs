using System.Collections;
using CiDoctor.Core.Model;
using CiDoctor.Env.Snapshots;

namespace CiDoctor.Env.Capture;

/// <summary>What to capture.</summary>
/// <param name="Tools">Tools to look for along PATH; null means <see cref="ToolProbe.Defaults"/>.</param>
/// <param name="Endpoints"><c>host:port</c> endpoints to resolve and connect to.</param>
/// <param name="ProbeLimit">Time limit of each probe (a tool's version, an endpoint).</param>
public sealed record CaptureOptions(IReadOnlyList<string>? Tools = null, IReadOnlyList<string>? Endpoints = null, TimeSpan? ProbeLimit = null)
{
    /// <summary>The environment variables to read; null means the process's own.</summary>
    public IDictionary? Variables { get; init; }

    /// <summary>The folder the job works in; null means the current directory.</summary>
    public string? WorkFolder { get; init; }
}

/// <summary>
/// <c>cidoctor env capture</c>: the runtime environment of this process as a snapshot. Every probe
/// runs under a time limit and a failure is recorded in the snapshot: capture never fails a job.
/// </summary>
public static class EnvCapture
{
    /// <param name="clock">The capture time and every probe's time limit; the system clock when null (tests pass a fake one).</param>
    public static EnvSnapshot Capture(CaptureOptions options, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        foreach (string endpoint in options.Endpoints ?? [])
        {
            NetworkProbe.Parse(endpoint);   // a malformed endpoint is a usage error, before any probe runs
        }
        var limit = options.ProbeLimit ?? TimeSpan.FromSeconds(5);
        var probes = new Probes(limit + TimeSpan.FromSeconds(1), clock);
        var variables = options.Variables ?? System.Environment.GetEnvironmentVariables();
        string? Get(string name) => variables.Contains(name) ? variables[name] as string : null;
        string? path = Get("PATH");

        var host = probes.Run("host", _ => SystemProbes.Host(), new HostInfo(System.Environment.MachineName, "unknown", null, "unknown", System.Environment.ProcessorCount, null, null));
        var user = probes.Run("user", _ => SystemProbes.User(), new UserInfo(System.Environment.UserName, null, Get("HOME"), Get("SHELL")));
        var container = probes.Run("container", _ => SystemProbes.Container(), new ContainerInfo(false, null, null));
        var disks = probes.Run("disks", _ => SystemProbes.Disks(), []);
        var tmp = probes.Run("tmp", _ => TmpProbe.Capture(Get, disks), new TmpInfo("/tmp", new SortedDictionary<string, string?>(), false, false, false, null, "probe failed"));
        string work = options.WorkFolder ?? Directory.GetCurrentDirectory();
        var folders = new List<FolderSpace> { SystemProbes.Folder("work", work, disks), SystemProbes.Folder("temp", tmp.Path, disks) };
        if (user.Home is { Length: > 0 } home)
        {
            folders.Add(SystemProbes.Folder("home", home, disks));
        }

        var toolNames = (options.Tools ?? ToolProbe.Defaults).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var tools = new SortedDictionary<string, ToolInfo>(StringComparer.Ordinal);
        Parallel.ForEach(toolNames, new ParallelOptions { MaxDegreeOfParallelism = 4 }, tool =>
        {
            var info = probes.Run($"tool:{tool}", _ => ToolProbe.Probe(tool, path, limit, clock), new ToolInfo(false, ToolProbe.Resolve(tool, path), null, "probe did not finish"));
            lock (tools)
            {
                tools[tool] = info;
            }
        });

        var endpoints = new EndpointInfo?[(options.Endpoints ?? []).Count];
        Parallel.For(0, endpoints.Length, i =>
        {
            string endpoint = options.Endpoints![i];
            var (h, p) = NetworkProbe.Parse(endpoint);
            endpoints[i] = probes.Run($"endpoint:{endpoint}", cancel => NetworkProbe.Endpoint(endpoint, limit, clock, cancel), new EndpointInfo(endpoint, h, p, [], "probe did not finish", null, null, null));
        });
        var loopback = probes.Run("loopback", _ => NetworkProbe.Loopback(limit, clock), new LoopbackInfo([], null, "probe did not finish"));

        return new EnvSnapshot
        {
            CapturedAt = IsoTime.Format(clock.GetUtcNow()),
            Host = host,
            User = user,
            Container = container,
            Tmp = tmp,
            Disks = disks,
            Folders = folders,
            Path = ToolProbe.PathEntries(path),
            Tools = tools,
            Env = EnvVarProbe.Capture(variables),
            Endpoints = [.. endpoints.OfType<EndpointInfo>()],
            Loopback = loopback,
            Credentials = CredentialProbe.Capture(user.Home),
            Probes = probes.Results,
        };
    }
}
