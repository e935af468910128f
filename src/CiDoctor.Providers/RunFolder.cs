using CiDoctor.Core;

namespace CiDoctor.Providers;

/// <summary>
/// A run saved into a folder the caller names (<c>cidoctor fetch URL --out DIR</c>), which must
/// not exist or be empty (DESIGN.md: fetch refuses a non-empty folder). On failure what was
/// created is removed and nothing else is touched, so a failed fetch leaves no half run.
/// </summary>
public static class RunFolder
{
    public static FetchedRun Fetch(string url, string folder, ProviderOptions options, FetchOptions fetch)
    {
        ArgumentNullException.ThrowIfNull(folder);
        bool existed = Directory.Exists(folder);
        if (existed && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new CiDoctorException($"--out {folder}: the folder is not empty; name a new or empty folder");
        }
        if (File.Exists(folder))
        {
            throw new CiDoctorException($"--out {folder}: is a file; name a folder");
        }
        Directory.CreateDirectory(folder);
        try
        {
            return RunFetcher.FetchAsync(url, folder, options, fetch, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch
        {
            Clean(folder, existed);
            throw;
        }
    }

    /// <summary>Removes what is in <paramref name="folder"/>, and the folder too unless <paramref name="keepFolder"/>; best effort.</summary>
    internal static void Clean(string folder, bool keepFolder)
    {
        try
        {
            foreach (string entry in Directory.EnumerateFileSystemEntries(folder))
            {
                if (Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }
            }
            if (!keepFolder)
            {
                Directory.Delete(folder);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the error being reported matters more than a leftover partial download.
        }
    }
}
