using System.Diagnostics;
using CiDoctor.Env.Snapshots;

namespace CiDoctor.Env.Capture;

/// <summary>Where each tool resolves along PATH, as a shell would find it, and the version it reports.</summary>
public static class ToolProbe
{
    /// <summary>Tools asked for when <c>--tools</c> is not given.</summary>
    public static readonly IReadOnlyList<string> Defaults =
        ["bash", "sh", "git", "git-lfs", "curl", "jq", "tar", "docker", "nix", "python3", "node", "dotnet", "java", "go", "cargo", "gcc"];

    public static IReadOnlyList<PathEntry> PathEntries(string? path) =>
        [.. Split(path).Select(dir => new PathEntry(dir, Directory.Exists(dir)))];

    public static IEnumerable<string> Split(string? path) =>
        (path ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The first executable named <paramref name="tool"/> in the PATH folders, in order.</summary>
    public static string? Resolve(string tool, string? path)
    {
        foreach (string dir in Split(path))
        {
            string candidate = System.IO.Path.Combine(dir, tool);
            if (File.Exists(candidate) && IsExecutable(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static bool IsExecutable(string file) =>
        OperatingSystem.IsWindows() || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;

    /// <summary>Whether <paramref name="tool"/> resolves, and its version asked under <paramref name="limit"/> on <paramref name="clock"/>.</summary>
    public static ToolInfo Probe(string tool, string? path, TimeSpan limit, TimeProvider clock)
    {
        string? resolved = Resolve(tool, path);
        if (resolved is null)
        {
            return new ToolInfo(false, null, null);
        }
        if (tool == "sh")
        {
            // sh has no version; which shell it really is (dash, bash, busybox) is what matters.
            string? target = File.ResolveLinkTarget(resolved, returnFinalTarget: true)?.FullName;
            return new ToolInfo(true, resolved, target is null ? null : System.IO.Path.GetFileName(target));
        }
        var (version, error) = Version(resolved, tool, limit, clock);
        return new ToolInfo(true, resolved, version, error);
    }

    // Most tools answer --version on stdout; java prints to stderr and wants -version, go wants "version".
    private static (string? Version, string? Error) Version(string file, string tool, TimeSpan limit, TimeProvider clock)
    {
        string argument = tool switch
        {
            "java" => "-version",
            "go" => "version",
            _ => "--version",
        };
        var start = new ProcessStartInfo(file, argument)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return (null, "could not start");
            }
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!Exited(process, limit, clock))
            {
                process.Kill(entireProcessTree: true);
                return (null, $"no answer to {argument} within {limit.TotalSeconds:0.#} s");
            }
            string text = stdout.Result.Trim().Length > 0 ? stdout.Result : stderr.Result;
            string first = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
            return (first.Length == 0 ? null : Core.Secrets.SecretMasker.MaskText(first.Length > 200 ? first[..200] : first), null);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return (null, Probes.OneLine(e.Message));
        }
    }

    // The wait is on the injected clock, so a test of a hanging tool moves a fake clock instead of waiting.
    private static bool Exited(Process process, TimeSpan limit, TimeProvider clock)
    {
        try
        {
            process.WaitForExitAsync(CancellationToken.None).WaitAsync(limit, clock).GetAwaiter().GetResult();
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
