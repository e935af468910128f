using System.IO.Compression;
using System.Text.RegularExpressions;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Sources;

/// <summary>
/// Reads a GitHub run-logs zip: one job per top-level <c>N_name.txt</c> (the whole job log).
/// Every archive is checked before anything is read: entry names may not be absolute or contain
/// <c>..</c>, and entry count, declared total size and compression ratio are capped, so a hostile
/// zip is refused instead of filling memory or disk. Nothing is extracted to disk.
/// </summary>
internal static partial class ZipRunReader
{
    /// <summary>Entries an archive may hold.</summary>
    public const int MaxEntries = 10_000;

    /// <summary>Declared uncompressed size of all entries together (4 GiB).</summary>
    public const long MaxTotalBytes = 4L << 30;

    /// <summary>Uncompressed / compressed size above which an entry is treated as a zip bomb (text logs compress ~10–50×).</summary>
    public const long MaxRatio = 1000;

    public static RunInput Read(string path)
    {
        var entries = Check(path);
        var jobs = new List<JobInput>();
        var topLevel = entries.Where(e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.FullName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)).ToList();
        if (topLevel.Count == 0)
        {
            // No whole-job files: fall back to any log-like entry, one job each.
            topLevel = entries.Where(e => e.FullName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".log", StringComparison.OrdinalIgnoreCase)).ToList();
        }
        if (topLevel.Count == 0)
        {
            throw new CiDoctorException($"{path}: no job logs in this zip (expected N_job-name.txt files, as GitHub's run-logs archive has)");
        }
        foreach (var entry in topLevel.OrderBy(e => JobOrder(e.FullName)).ThenBy(e => e.FullName, StringComparer.Ordinal))
        {
            string name = JobName(entry.FullName);
            string entryName = entry.FullName;
            long declared = entry.Length;
            var source = new LogSource(entryName, $"{path}!{entryName}", () => OpenEntry(path, entryName, declared));
            jobs.Add(new JobInput(name, entryName, source, null));
        }
        return new RunInput([path], new RunInfo(Provider: "github"), jobs);
    }

    private static List<(string FullName, long Length)> Check(string path)
    {
        try
        {
            using var archive = ZipFile.OpenRead(path);
            if (archive.Entries.Count > MaxEntries)
            {
                throw new CiDoctorException($"{path}: the zip has {archive.Entries.Count} entries, more than {MaxEntries}; refusing it");
            }
            long total = 0;
            var list = new List<(string, long)>();
            foreach (var entry in archive.Entries)
            {
                string? safe = SourceReader.SafeRelativePath(entry.FullName);
                if (safe is null)
                {
                    throw new CiDoctorException($"{path}: entry '{entry.FullName}' has an unsafe name (absolute or with ..); refusing the zip");
                }
                total += entry.Length;
                if (total > MaxTotalBytes)
                {
                    throw new CiDoctorException($"{path}: the zip declares more than {MaxTotalBytes >> 30} GiB of content; refusing it (split the run or pass the logs as files)");
                }
                if (entry.Length > 1 << 20 && entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > MaxRatio)
                {
                    throw new CiDoctorException($"{path}: entry '{entry.FullName}' expands {entry.Length / entry.CompressedLength}× (a zip bomb?); refusing the zip");
                }
                if (!entry.FullName.EndsWith('/'))
                {
                    list.Add((safe, entry.Length));
                }
            }
            return list;
        }
        catch (InvalidDataException e)
        {
            throw new CiDoctorException($"{path}: not a readable zip ({e.Message})", e);
        }
    }

    private static Stream OpenEntry(string path, string name, long declared)
    {
        var archive = ZipFile.OpenRead(path);
        var entry = archive.GetEntry(name) ?? throw new CiDoctorException($"{path}: entry '{name}' disappeared");
        return new BoundedStream(entry.Open(), archive, declared);
    }

    private static int JobOrder(string name)
    {
        var m = Numbered().Match(Path.GetFileName(name));
        return m.Success ? int.Parse(m.Groups[1].ValueSpan) : int.MaxValue;
    }

    /// <summary><c>3_nix (x86_64-linux).txt</c> → <c>nix (x86_64-linux)</c>.</summary>
    public static string JobName(string entryName)
    {
        string file = Path.GetFileNameWithoutExtension(entryName);
        var m = Numbered().Match(file);
        return m.Success ? file[m.Length..] : file;
    }

    [GeneratedRegex(@"^(\d+)_", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Numbered();

    /// <summary>An entry stream that refuses to yield more than the entry declared, and closes its archive.</summary>
    private sealed class BoundedStream(Stream inner, IDisposable owner, long declared) : ReadOnlyStream
    {
        private long _read;

        public override int Read(Span<byte> buffer)
        {
            int n = inner.Read(buffer);
            _read += n;
            if (_read > declared)
            {
                throw new CiDoctorException("a zip entry holds more data than it declares; refusing it");
            }
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                owner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
