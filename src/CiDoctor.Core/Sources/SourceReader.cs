using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Sources;

/// <summary>
/// Turns what the user named (a log file, a folder, a zip, or <c>-</c> for stdin) into a
/// <see cref="RunInput"/>, as DESIGN.md says: a folder with run.json is a run; a folder without
/// one is a job per <c>*.log</c>/<c>*.txt</c> file (recursively, the relative path is the name);
/// a zip is a GitHub run-logs archive.
/// </summary>
public static class SourceReader
{
    public static RunInput Read(string source, Func<Stream>? stdin = null)
    {
        if (source == "-")
        {
            return new RunInput([source], new RunInfo(), [new JobInput("-", "-", new LogSource("-", "stdin", Stdin(stdin)) { CanReopen = false }, null)]);
        }
        if (Directory.Exists(source))
        {
            return File.Exists(Path.Combine(source, "run.json")) ? RunJsonReader.Read(source) : ReadFolder(source);
        }
        if (!File.Exists(source))
        {
            throw new CiDoctorException($"{source}: no such file or folder; pass a log file, a folder of logs, a run-logs zip or - for stdin");
        }
        if (source.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || IsZip(source))
        {
            return ZipRunReader.Read(source);
        }
        string name = Path.GetFileName(source);
        return new RunInput([source], new RunInfo(), [new JobInput(name, name, LogSource.FromFile(source, name), null)]);
    }

    /// <summary>What <c>-</c> reads: the host's stdin when it gives one, else the process's.</summary>
    internal static Func<Stream> Stdin(Func<Stream>? given) => given ?? Console.OpenStandardInput;

    private static RunInput ReadFolder(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".log", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            .Select(f => (Full: f, Relative: Path.GetRelativePath(folder, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new CiDoctorException($"{folder}: no job logs in this folder (no *.log or *.txt files, and no run.json)");
        }
        var jobs = files.Select(f => new JobInput(f.Relative, f.Relative, LogSource.FromFile(f.Full, f.Relative), null)).ToArray();
        return new RunInput([folder], new RunInfo(), jobs);
    }

    private static bool IsZip(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            Span<byte> magic = stackalloc byte[4];
            return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// A relative path from run.json or an archive, checked: no absolute path, no <c>..</c>, no
    /// drive letter, so nothing can point outside the folder.
    /// </summary>
    public static string? SafeRelativePath(string path)
    {
        string p = path.Replace('\\', '/');
        if (p.Length == 0 || p.StartsWith('/') || (p.Length > 1 && p[1] == ':') || p.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }
        var parts = p.Split('/');
        return parts.Any(s => s == "..") ? null : p;
    }
}
