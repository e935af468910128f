using System.Globalization;
using CiDoctor.Core.Secrets;
using CiDoctor.Env.Snapshots;

namespace CiDoctor.Env.Drift;

/// <summary>
/// <c>cidoctor env diff A B</c>: what differs between two snapshots that can break a build —
/// tools missing or at other versions, PATH order that changes which binary runs, variables set in
/// one only or set differently, the temporary folder, resources far apart, endpoints reachable in
/// one only. Values that change on every run (run ids, commit) are not drift.
/// </summary>
public static class EnvDiff
{
    /// <summary>A resource counts as far apart when one side has at least this many times the other.</summary>
    public const double ResourceRatio = 2.0;

    /// <summary>Connect times this many times slower (and over <see cref="SlowConnectMs"/>) are endpoint drift.</summary>
    public const double ConnectRatio = 10.0;

    public const double SlowConnectMs = 200;

    // Set by the CI system per run, job or process: different in every pair of snapshots, never a cause.
    private static readonly string[] VolatileSuffixes = ["_RUN_ID", "_RUN_NUMBER", "_RUN_ATTEMPT", "_JOB_ID", "_BUILD_ID", "_BUILD_NUMBER", "_SHA", "_COMMIT", "_COMMIT_SHA", "_PIPELINE_ID"];
    private static readonly HashSet<string> VolatileNames = new(StringComparer.Ordinal)
    {
        "PWD", "OLDPWD", "SHLVL", "_", "INVOCATION_ID", "HOSTNAME", "BUILD_NUMBER", "BUILD_ID", "EXECUTOR_NUMBER", "RUNNER_NAME",
        "GITHUB_RUN_ID", "GITHUB_RUN_NUMBER", "GITHUB_RUN_ATTEMPT", "GITHUB_SHA", "GITHUB_JOB", "GITHUB_REF", "GITHUB_REF_NAME",
        "GITHUB_EVENT_NAME", "GITHUB_ACTOR", "GITHUB_HEAD_REF", "GITHUB_BASE_REF", "CI_JOB_NAME", "CI_JOB_STAGE", "CI_COMMIT_REF_NAME",
        "CI_COMMIT_BRANCH", "CI_PIPELINE_SOURCE", "TERM", "XDG_RUNTIME_DIR", "SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY",
    };

    public static EnvDrift Compare(EnvSnapshot a, EnvSnapshot b)
    {
        var differences = new List<EnvDifference>();
        Tools(a, b, differences);
        Tmp(a.Tmp, b.Tmp, differences);
        Env(a, b, differences);
        Resources(a, b, differences);
        Endpoints(a, b, differences);
        return new EnvDrift(differences);
    }

    private static void Tools(EnvSnapshot a, EnvSnapshot b, List<EnvDifference> into)
    {
        foreach (string name in a.Tools.Keys.Union(b.Tools.Keys).Order(StringComparer.Ordinal))
        {
            var ta = a.Tools.GetValueOrDefault(name);
            var tb = b.Tools.GetValueOrDefault(name);
            if (ta is null || tb is null)
            {
                continue;   // asked for in one capture only: nothing is known of the other side
            }
            if (ta.Found != tb.Found)
            {
                string side = ta.Found ? "B" : "A";
                into.Add(new EnvDifference("tool-missing", name, side, ta.Path, tb.Path,
                    $"{name} is on PATH in {(ta.Found ? "A" : "B")} ({ta.Path ?? tb.Path}) but not in {side}: a step that runs it fails there with 'command not found'"));
                continue;
            }
            if (!ta.Found)
            {
                continue;
            }
            if (ta.Path != tb.Path)
            {
                // Both folders are on both PATHs: the order, not the installation, picks another binary.
                bool reordered = b.Path.Any(p => p.Dir == Path.GetDirectoryName(ta.Path)) && a.Path.Any(p => p.Dir == Path.GetDirectoryName(tb.Path));
                into.Add(new EnvDifference("tool-path", name, null, ta.Path, tb.Path,
                    reordered ? $"PATH order differs: {name} resolves to {ta.Path} in A and to {tb.Path} in B, so another binary runs"
                              : $"{name} resolves to {ta.Path} in A and to {tb.Path} in B"));
            }
            if (ta.Version != tb.Version && ta.Version is not null && tb.Version is not null)
            {
                into.Add(new EnvDifference("tool-version", name, null, ta.Version, tb.Version, $"{name} reports another version: '{ta.Version}' in A, '{tb.Version}' in B"));
            }
        }
    }

    private static void Tmp(TmpInfo a, TmpInfo b, List<EnvDifference> into)
    {
        if (a.Path != b.Path)
        {
            into.Add(new EnvDifference("tmpdir", "path", null, a.Path, b.Path, $"temporary files go to {a.Path} in A and to {b.Path} in B"));
        }
        bool usableA = a.Exists && a.Writable && a.CreatedTempDir;
        bool usableB = b.Exists && b.Writable && b.CreatedTempDir;
        if (usableA != usableB)
        {
            var bad = usableA ? b : a;
            string side = usableA ? "B" : "A";
            into.Add(new EnvDifference("tmpdir", "usable", side, Usable(a), Usable(b),
                $"in {side} no temporary folder can be created in {bad.Path} ({bad.Error ?? "not writable"}): compilers, mktemp and Nix fail there"));
        }
    }

    private static string Usable(TmpInfo t) =>
        !t.Exists ? $"{t.Path}: does not exist" : t.Writable && t.CreatedTempDir ? $"{t.Path}: writable" : $"{t.Path}: not writable";

    private static void Env(EnvSnapshot a, EnvSnapshot b, List<EnvDifference> into)
    {
        foreach (string name in a.Env.Keys.Union(b.Env.Keys).Where(n => !IsVolatile(n)).Order(StringComparer.Ordinal))
        {
            bool inA = a.Env.TryGetValue(name, out var va);
            bool inB = b.Env.TryGetValue(name, out var vb);
            if (inA != inB)
            {
                string side = inA ? "B" : "A";
                into.Add(new EnvDifference("env-missing", name, side, va, vb, $"{name} is set in {(inA ? "A" : "B")} only"));
            }
            else if (va != vb && va != SecretMasker.Mask && vb != SecretMasker.Mask)
            {
                into.Add(new EnvDifference("env-value", name, null, va, vb, name == "PATH" ? "PATH differs (folders or their order)" : $"{name} is set differently"));
            }
        }
    }

    private static bool IsVolatile(string name) =>
        VolatileNames.Contains(name) || VolatileSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal));

    private static void Resources(EnvSnapshot a, EnvSnapshot b, List<EnvDifference> into)
    {
        Resource("cpus", a.Host.CpuCount, b.Host.CpuCount, n => n.ToString(CultureInfo.InvariantCulture), into);
        Resource("memory", a.Host.MemoryBytes, b.Host.MemoryBytes, Bytes, into);
        Resource("memory-available", a.Host.MemoryAvailableBytes, b.Host.MemoryAvailableBytes, Bytes, into);
        foreach (string role in new[] { "work", "temp", "home" })
        {
            var fa = a.Folders.FirstOrDefault(f => f.Role == role);
            var fb = b.Folders.FirstOrDefault(f => f.Role == role);
            Resource($"disk:{role}", fa?.FreeBytes, fb?.FreeBytes, Bytes, into);
        }
    }

    private static void Resource(string name, long? a, long? b, Func<long, string> show, List<EnvDifference> into)
    {
        if (a is not long x || b is not long y || Math.Max(x, y) < ResourceRatio * Math.Max(Math.Min(x, y), 1))
        {
            return;
        }
        into.Add(new EnvDifference("resource", name, null, show(x), show(y), $"{name} is far apart: {show(x)} in A, {show(y)} in B"));
    }

    public static string Bytes(long bytes) => bytes >= 1L << 30
        ? (bytes / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB"
        : (bytes / (double)(1L << 20)).ToString("0", CultureInfo.InvariantCulture) + " MiB";

    private static void Endpoints(EnvSnapshot a, EnvSnapshot b, List<EnvDifference> into)
    {
        var byA = a.Endpoints.ToDictionary(e => e.Endpoint, StringComparer.Ordinal);
        foreach (var eb in b.Endpoints)
        {
            if (!byA.TryGetValue(eb.Endpoint, out var ea))
            {
                continue;
            }
            bool okA = ea.FirstConnectMs is not null;
            bool okB = eb.FirstConnectMs is not null;
            if (okA != okB)
            {
                string side = okA ? "B" : "A";
                var bad = okA ? eb : ea;
                into.Add(new EnvDifference("endpoint", eb.Endpoint, side, Reach(ea), Reach(eb), $"{eb.Endpoint} cannot be reached from {side} ({bad.DnsError ?? bad.ConnectError})"));
            }
            else if (okA && okB && Slow(ea.FirstConnectMs!.Value, eb.FirstConnectMs!.Value))
            {
                into.Add(new EnvDifference("endpoint", eb.Endpoint, null, Reach(ea), Reach(eb), $"connecting to {eb.Endpoint} is far slower in one of them"));
            }
        }
    }

    private static bool Slow(double x, double y) => Math.Max(x, y) >= SlowConnectMs && Math.Max(x, y) >= ConnectRatio * Math.Max(Math.Min(x, y), 1);

    private static string Reach(EndpointInfo e) => e.FirstConnectMs is double ms
        ? $"connected in {ms.ToString("0.#", CultureInfo.InvariantCulture)} ms"
        : $"unreachable: {e.DnsError ?? e.ConnectError}";
}
