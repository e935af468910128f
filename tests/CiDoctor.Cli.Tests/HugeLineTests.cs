using System.Text;
using System.Text.Json;
using CiDoctor.Testing;

namespace CiDoctor.Cli.Tests;

/// <summary>Tests that measure memory run alone, so other tests' allocations do not blur them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryTestGroup
{
    public const string Name = "memory";
}

/// <summary>DESIGN.md "Bad input": a log may have one 100 MB line; reading is streaming with bounded memory.</summary>
[Collection(MemoryTestGroup.Name)]
public class HugeLineTests
{
    private const long LineBytes = 100L * 1024 * 1024;
    private const long Budget = 200L * 1024 * 1024;
    private const string DiskFull = "error: writing /tmp/build/out.o: No space left on device";

    [Fact]
    public void Diagnose_Single100MBLine_FindsCauseOnLine2WithBoundedMemory()
    {
        using var dir = new TempDir();
        string small = dir.Write("small.log", "x\n" + DiskFull + "\n");
        string huge = dir.File("huge.log");
        WriteHugeLog(huge);

        // Warm up (catalog load, JIT), then measure a small log, then the huge one: the
        // difference is what the 100 MB line costs, which must not be the line itself.
        Run(small);
        var (smallAllocated, smallPeak, _) = Measure(() => Run(small));
        var (hugeAllocated, hugePeak, result) = Measure(() => Run(huge));

        Assert.Equal(0, result.ExitCode);
        var job = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("jobs")[0];
        Assert.Equal("resource.disk-full", job.GetProperty("rootCause").GetProperty("id").GetString());
        var cause = job.GetProperty("evidence")[0];
        Assert.Equal("cause", cause.GetProperty("role").GetString());
        Assert.Equal(2, cause.GetProperty("line").GetInt64());
        Assert.Equal(DiskFull, cause.GetProperty("text").GetString());
        Assert.True(hugeAllocated - smallAllocated < Budget,
            $"reading one 100 MB line allocated {(hugeAllocated - smallAllocated) >> 20} MB more than a small log");
        Assert.True(hugePeak - smallPeak < Budget,
            $"reading one 100 MB line raised the peak managed heap by {(hugePeak - smallPeak) >> 20} MB");
    }

    [Fact]
    public void Diagnose_Single100MBLine_TextReportNotesTheCut()
    {
        using var dir = new TempDir();
        string huge = dir.File("huge.log");
        WriteHugeLog(huge);

        var result = CliRunner.Run("diagnose", huge, "--format", "text");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 line(s) longer than 64 KiB", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(DiskFull, result.Stdout, StringComparison.Ordinal);
    }

    private static CliResult Run(string log) => CliRunner.Run("diagnose", log, "--format", "json");

    /// <summary>Bytes allocated on this thread and the peak managed heap (sampled) while <paramref name="action"/> runs.</summary>
    private static (long Allocated, long Peak, CliResult Result) Measure(Func<CliResult> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long peak = GC.GetTotalMemory(false);
        using var stop = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            while (!stop.Wait(5))
            {
                long now = GC.GetTotalMemory(false);
                if (now > Interlocked.Read(ref peak))
                {
                    Interlocked.Exchange(ref peak, now);
                }
            }
        })
        { IsBackground = true };
        sampler.Start();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = action();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        stop.Set();
        sampler.Join();
        return (allocated, Interlocked.Read(ref peak), result);
    }

    /// <summary>One line of 100 MB, written in 1 MB blocks, then the cause on line 2.</summary>
    private static void WriteHugeLog(string path)
    {
        byte[] block = new byte[1024 * 1024];
        Array.Fill(block, (byte)'x');
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        for (long written = 0; written < LineBytes; written += block.Length)
        {
            file.Write(block);
        }
        file.Write(Encoding.ASCII.GetBytes("\n" + DiskFull + "\n"));
    }
}
