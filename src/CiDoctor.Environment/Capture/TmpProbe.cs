using CiDoctor.Env.Snapshots;

namespace CiDoctor.Env.Capture;

/// <summary>
/// Seed 001: TMPDIR was set in three places and the build still could not create a temporary
/// folder. This probe does what the build does: resolve the temporary folder, create a folder in
/// it, write a file, and remove both.
/// </summary>
internal static class TmpProbe
{
    public static TmpInfo Capture(Func<string, string?> getEnv, IReadOnlyList<DiskInfo> disks)
    {
        var variables = new SortedDictionary<string, string?>(StringComparer.Ordinal)
        {
            ["TEMP"] = getEnv("TEMP"),
            ["TMP"] = getEnv("TMP"),
            ["TMPDIR"] = getEnv("TMPDIR"),
        };
        // Unix programs (mktemp, compilers, Nix) read TMPDIR and fall back to /tmp.
        string path = OperatingSystem.IsWindows()
            ? System.IO.Path.GetTempPath()
            : variables["TMPDIR"] is { Length: > 0 } tmpdir ? tmpdir : "/tmp";
        bool exists = Directory.Exists(path);
        bool writable = false;
        bool created = false;
        string? error = exists ? null : $"{path} does not exist";
        if (exists)
        {
            string folder = System.IO.Path.Combine(path, $"cidoctor-probe-{Guid.NewGuid():N}");
            try
            {
                Directory.CreateDirectory(folder);
                created = true;
                File.WriteAllText(System.IO.Path.Combine(folder, "probe"), "cidoctor");
                writable = true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error = Probes.OneLine(e.Message);
            }
            finally
            {
                TryDelete(folder);
            }
        }
        long? free = exists ? SystemProbes.Folder("temp", path, disks).FreeBytes : null;
        return new TmpInfo(path, variables, exists, writable, created, free, error);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind in a temp folder: harmless, and never worth failing the capture for.
        }
    }
}
