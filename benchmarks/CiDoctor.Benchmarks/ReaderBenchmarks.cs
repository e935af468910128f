using BenchmarkDotNet.Attributes;
using CiDoctor.Core.Logs;

namespace CiDoctor.Benchmarks;

/// <summary>
/// The readers: format detection, line splitting, ANSI/timestamp stripping, step parsing and
/// secret masking over a generated log held in memory (100k lines).
/// </summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private byte[] _github = [];
    private byte[] _plain = [];

    [GlobalSetup]
    public void Setup()
    {
        _github = Inputs.Utf8(SyntheticLog.GitHub(Inputs.ScanLines));
        _plain = Inputs.Utf8(SyntheticLog.Plain(Inputs.ScanLines));
    }

    [Benchmark(Description = "read GitHub-format log (detected)")]
    public long ReadGitHub() => Drain(Inputs.InMemory("github.log", _github));

    [Benchmark(Description = "read plain log (detected)")]
    public long ReadPlain() => Drain(Inputs.InMemory("plain.log", _plain));

    private static long Drain(LogSource source)
    {
        using var session = new LogReadSession(source);
        long chars = 0;
        foreach (var line in session.ReadLines())
        {
            chars += line.Text.Length;
        }
        return chars + session.Result.LineCount;
    }
}
