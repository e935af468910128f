using System.Text;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Matching;

namespace CiDoctor.Core.Tests.Logs;

public sealed class ReadPipelineTests
{
    private static readonly FailureCatalog Catalog = CatalogLoader.Load([]);

    [Fact]
    public void RunOnTwoThreads_ObserverFails_StopsTheReaderAndRethrows()
    {
        // 200k lines: far more than the queue holds, so the reader is still reading when the observer fails.
        var text = new StringBuilder();
        for (int i = 0; i < 200_000; i++)
        {
            text.Append(i % 50 == 0 ? "error: step " : "compiling ").Append(i).Append('\n');
        }
        byte[] log = Encoding.UTF8.GetBytes(text.ToString());
        using var session = new LogReadSession(new LogSource("job.log", "job.log", () => new MemoryStream(log)), "plain");
        var compiled = new CompiledCatalog(Catalog, "plain");
        var pipeline = new ReadPipeline(session, compiled, compiled.FastLiterals!, FastLineReader.DefaultBlockBytes, 10, 10);
        int seen = 0;

        var error = Assert.Throws<InvalidOperationException>(() => pipeline.RunOnTwoThreads(_ =>
        {
            if (++seen == 100)
            {
                throw new InvalidOperationException("observer failed");
            }
        }));

        Assert.Equal("observer failed", error.Message);
        Assert.Equal(100, seen);
    }

    [Fact]
    public void RunOnTwoThreads_ReaderFails_RethrowsOnTheObserversThread()
    {
        var session = new LogReadSession(new LogSource("job.log", "job.log", () => new FailingStream()), "plain");
        var compiled = new CompiledCatalog(Catalog, "plain");
        var pipeline = new ReadPipeline(session, compiled, compiled.FastLiterals!, FastLineReader.DefaultBlockBytes, 10, 10);

        var error = Assert.Throws<IOException>(() => pipeline.RunOnTwoThreads(_ => { }));

        Assert.Equal("disk gone", error.Message);
        session.Dispose();
    }

    /// <summary>Gives a first block of log, then fails as a disk or a pipe can.</summary>
    private sealed class FailingStream : MemoryStream
    {
        private int _reads;

        public FailingStream()
            : base(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("some output line\n", 10_000))))
        {
        }

        public override int Read(byte[] buffer, int offset, int count) =>
            ++_reads > 30 ? throw new IOException("disk gone") : base.Read(buffer, offset, Math.Min(count, 4096));
    }
}
