using System.Text;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;

namespace CiDoctor.Benchmarks;

/// <summary>Where the suites find their inputs: generated logs in memory, the repository's samples.</summary>
internal static class Inputs
{
    /// <summary>Lines of the generated logs of the reader, scanner and ranking suites.</summary>
    public const int ScanLines = 100_000;

    /// <summary>A log source over bytes held in memory (no disk in the measurement).</summary>
    public static LogSource InMemory(string name, byte[] bytes) =>
        new(name, null, () => new MemoryStream(bytes, writable: false));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Reads a log the way <c>cidoctor</c> does and keeps its parsed lines and facts.</summary>
    public static (LogLine[] Lines, JobLog Log) Read(LogSource source, string? ci = null)
    {
        using var session = new LogReadSession(source, ci);
        var lines = session.ReadLines().ToArray();
        return (lines, session.Result);
    }

    /// <summary>
    /// The repository root (the folder with CiDoctor.slnx), found from the benchmark's binaries
    /// upwards: BenchmarkDotNet runs each suite from a generated folder under bin/.
    /// <c>CIDOCTOR_ROOT</c> overrides it.
    /// </summary>
    public static string RepositoryRoot()
    {
        if (Environment.GetEnvironmentVariable("CIDOCTOR_ROOT") is { Length: > 0 } root)
        {
            return root;
        }
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CiDoctor.slnx")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("cannot find CiDoctor.slnx above " + AppContext.BaseDirectory + "; set CIDOCTOR_ROOT");
    }

    /// <summary>A sample run of the repository (<c>samples/NAME</c>).</summary>
    public static string Sample(string name) => Path.Combine(RepositoryRoot(), "samples", name);
}
