using System.Text;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Diagnosis;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Matching;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Tests.Logs;

/// <summary>
/// The fast reader skips quiet lines unparsed; the scan must come out exactly as when every line
/// is parsed (the reference): same findings, context, candidates, tails, steps and job facts.
/// Compared on the corpus, the samples and generated logs with every kind of line end, long
/// lines, multi-byte and invalid UTF-8, ANSI escapes and secrets, with blocks small enough that
/// lines, characters and line ends straddle block boundaries.
/// </summary>
public sealed class FastLineReaderTests
{
    private static readonly FailureCatalog Catalog = CatalogLoader.Load([]);
    private static readonly int[] BlockSizes = [64, 1000, FastLineReader.DefaultBlockBytes];

    public static TheoryData<string> CorpusCases() => new(LogTestKit.Cases());

    [Theory]
    [MemberData(nameof(CorpusCases))]
    public void Scan_CorpusCase_SameAsParsingEveryLine(string caseName) =>
        AssertSameScan(File.ReadAllBytes(LogTestKit.LogPath(caseName)), ci: null);

    /// <summary>Every real published log (tests/corpus/real): copies, tails and raw logs of every CI system.</summary>
    public static TheoryData<string> RealCases() =>
        new(Directory.EnumerateFiles(Path.Combine(LogTestKit.CorpusRoot, "real"), "fail.log", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(LogTestKit.CorpusRoot, Path.GetDirectoryName(f)!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(RealCases))]
    public void Scan_RealCase_SameAsParsingEveryLine(string caseName) =>
        AssertSameScan(File.ReadAllBytes(Path.Combine(LogTestKit.CorpusRoot, caseName, "fail.log")), ci: null);

    [Fact]
    public void Scan_PageCopyWithGluedNumbersAndAClosingLineFarDown_SameAsParsingEveryLine()
    {
        var text = new StringBuilder("1Run make\n2  make\n3  shell: /usr/bin/bash -e {0}\n");
        for (int i = 4; i <= 20_000; i++)
        {
            text.Append(i).Append(i == 19_990 ? "Error: Process completed with exit code 4." : "  compiling module " + i).Append('\n');
        }
        var (fast, reference) = AssertSameScan(Encoding.UTF8.GetBytes(text.ToString()), ci: null);

        Assert.Equal(4, reference.ExitCode);
        Assert.Equal(4, fast.ExitCode);
        Assert.Equal(["Run make"], fast.Steps.Select(s => s.Name));
    }

    [Fact]
    public void Scan_Samples_SameAsParsingEveryLine()
    {
        string samples = Path.Combine(RepoRoot(), "samples");
        foreach (string log in Directory.EnumerateFiles(samples, "*.log", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            AssertSameScan(File.ReadAllBytes(log), ci: null, log);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("github")]
    [InlineData("gitlab")]
    [InlineData("forgejo")]
    [InlineData("jenkins")]
    [InlineData("travis")]
    [InlineData("buildkite")]
    [InlineData("drone")]
    [InlineData("nix")]
    [InlineData("plain")]
    public void Scan_GeneratedLogs_SameAsParsingEveryLine(string? ci)
    {
        for (int seed = 1; seed <= 6; seed++)
        {
            AssertSameScan(Generate(new Random(seed), 3000), ci, $"seed {seed}");
        }
    }

    [Fact]
    public void Scan_LineEnds_AreCountedAsLineSplitterCountsThem()
    {
        byte[] log = Encoding.UTF8.GetBytes("a\r\nb\nc\rd\r\n\r\n\re\n\n\rerror: last");
        AssertSameScan(log, "plain");
        AssertSameScan(log[..^1], "plain");
        AssertSameScan(Encoding.UTF8.GetBytes("only\r"), "plain");
        AssertSameScan(Encoding.UTF8.GetBytes("x\n"), "plain");
    }

    [Fact]
    public void Scan_LongLines_CutAndCountedTheSame()
    {
        var text = new StringBuilder("start\n");
        text.Append('x', 5000).Append(" error: after a quiet-length line\n");
        text.Append('y', 70_000).Append(" No space left on device\n");
        text.Append(string.Concat(Enumerable.Repeat("é", 70_000))).Append('\n');
        text.Append('z', 2_500_000).Append("\r\nerror: after a block-long line\n");
        text.Append('w', 100).Append("\r\n");
        byte[] log = Encoding.UTF8.GetBytes(text.ToString());

        var (fast, reference) = AssertSameScan(log, "plain");
        Assert.Equal(3, reference.LongLines);
        Assert.Equal(reference.LongLines, fast.LongLines);
    }

    [Fact]
    public void Scan_InvalidUtf8AndByteOrderMark_SameAsParsingEveryLine()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];
        byte[] log = [.. bom, .. "first line\n"u8, 0xFF, .. " error: bad byte\n"u8, .. "quiet\n"u8, 0xE2, 0x9C, .. "\ntruncated\n"u8, .. "last "u8, 0xF0, 0x9F];
        var (fast, reference) = AssertSameScan(log, "plain");
        Assert.True(reference.InvalidUtf8);
        Assert.True(fast.InvalidUtf8);
    }

    [Fact]
    public void Scan_WithPassingLogAsBaseline_SameAsParsingEveryLine()
    {
        // Familiar lines (also in the passing log) score lower and are kept apart.
        byte[] failing = Generate(new Random(31), 3000);
        byte[] passing = Generate(new Random(32), 3000);
        var baseline = BaselineSet.Read(Source(passing), "github");
        string Dumped(bool fast)
        {
            using var session = new LogReadSession(Source(failing), "github");
            var reading = new LineReadOptions { SkipQuietLines = fast, FastPathWhenSmall = fast };
            var scan = ReadAndScan(session, new CompiledCatalog(Catalog, "github"), reading, baseline);
            return Dump(scan, session.Result, new NixCascadeTracker());
        }

        Assert.True(baseline.Count > 0);
        Assert.Equal(Dumped(fast: false), Dumped(fast: true));
    }

    [Fact]
    public void Scan_StreamThatTricklesBytes_SameAsParsingEveryLine()
    {
        // A pipe or a decompressor returns a few bytes a read, splitting lines and characters anywhere.
        byte[] log = Generate(new Random(21), 2000);
        string Dumped(bool fast)
        {
            var source = new LogSource("job.log", "job.log", () => new TrickleStream(log));
            using var session = new LogReadSession(source, "github");
            var reading = new LineReadOptions { SkipQuietLines = fast, BlockBytes = 1000, FastPathWhenSmall = fast };
            var scan = ReadAndScan(session, new CompiledCatalog(Catalog, "github"), reading);
            return Dump(scan, session.Result, new NixCascadeTracker());
        }

        Assert.Equal(Dumped(fast: false), Dumped(fast: true));
    }

    [Fact]
    public void Scan_BigQuietLog_SkipsMostLines()
    {
        var random = new Random(99);
        var text = new StringBuilder();
        for (int i = 0; i < 20_000; i++)
        {
            text.Append(random.Next(100) == 0 ? "error: something went wrong in step " : "  compiling module ").Append(i).Append('\n');
        }
        byte[] log = Encoding.UTF8.GetBytes(text.ToString());
        AssertSameScan(log, "plain");
        var source = Source(log);
        using var session = new LogReadSession(source, "plain");
        Assert.False(session.IsSmall);
        var scan = ReadAndScan(session, new CompiledCatalog(Catalog, "plain"), new LineReadOptions());

        Assert.True(scan.QuietLines > 15_000, $"only {scan.QuietLines} of 20000 lines were skipped");
    }

    private static (JobLog Fast, JobLog Reference) AssertSameScan(byte[] log, string? ci, string? what = null)
    {
        var (reference, referenceJob) = Scan(log, ci, fast: false, FastLineReader.DefaultBlockBytes);
        JobLog? fastJob = null;
        foreach (int block in BlockSizes)
        {
            foreach (bool parallel in new[] { false, true })
            {
                var (fast, job) = Scan(log, ci, fast: true, block, parallel);
                fastJob = job;
                if (fast != reference)
                {
                    int at = Enumerable.Range(0, Math.Min(fast.Length, reference.Length)).FirstOrDefault(i => fast[i] != reference[i]);
                    Assert.Fail($"{what ?? "log"} (ci {ci ?? "detected"}, {block}-byte blocks, parallel {parallel}) differs at {at}:\nreference: {Excerpt(reference, at)}\nfast:      {Excerpt(fast, at)}");
                }
            }
        }
        return (fastJob!, referenceJob);
    }

    private static string Excerpt(string text, int at) => text.Substring(Math.Max(0, at - 80), Math.Min(200, text.Length - Math.Max(0, at - 80))).ReplaceLineEndings("⏎");

    private static (string Dump, JobLog Job) Scan(byte[] log, string? ci, bool fast, int block, bool parallel = false)
    {
        using var session = new LogReadSession(Source(log), ci);
        var reading = new LineReadOptions { SkipQuietLines = fast, BlockBytes = block, ReadInParallel = parallel, FastPathWhenSmall = fast };
        var cascades = new NixCascadeTracker();
        var scan = ReadAndScan(session, new CompiledCatalog(Catalog, session.Reader.Ci), reading, null, cascades);
        var job = session.Result;
        return (Dump(scan, job, cascades), job);
    }

    /// <summary>Reads the session into a scan of <paramref name="compiled"/> and the other observers, as a diagnosis does.</summary>
    private static ScanResult ReadAndScan(LogReadSession session, CompiledCatalog compiled, LineReadOptions reading, BaselineSet? baseline = null, params ILineObserver[] others)
    {
        var scan = new Scanner(compiled, null, baseline).Start();
        session.Read(compiled, new LineObservers([scan, .. others]), reading);
        return scan.Result();
    }

    private static LogSource Source(byte[] log) => new("job.log", "job.log", () => new MemoryStream(log, writable: false));

    /// <summary>Every field of a scan and of the job facts, in a stable order.</summary>
    private static string Dump(ScanResult scan, JobLog job, NixCascadeTracker cascades)
    {
        var text = new StringBuilder();
        text.AppendLine($"job {job.Ci} lines {job.LineCount} exit {job.ExitCode} status {job.Status} failed {job.FailedStep} at {job.FailureLine} long {job.LongLines} invalid {job.InvalidUtf8}");
        text.AppendLine($"ended {job.FailureClass}: {job.FailureReport}");
        foreach (var step in job.Steps)
        {
            text.AppendLine($"step {step}");
        }
        foreach (var (id, findings) in scan.Findings.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"mode {id} count {scan.FindingCounts[id]}");
            foreach (var f in findings)
            {
                text.AppendLine($"  finding {f.Line} step {f.Step} familiar {f.Familiar} [{string.Join(",", f.Captures.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + "=" + c.Value))}] {f.Text}");
            }
        }
        Lines(text, "context", scan.Context);
        Lines(text, "neighbour", scan.Neighbours);
        foreach (var ((id, factor), line) in scan.Factors.OrderBy(kv => kv.Key.ModeId, StringComparer.Ordinal).ThenBy(kv => kv.Key.Factor))
        {
            text.AppendLine($"factor {id}/{factor} {line}");
        }
        foreach (var c in scan.Candidates)
        {
            text.AppendLine($"candidate {c}");
        }
        foreach (var (id, findings) in scan.EchoFindings.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"echo mode {id} count {scan.EchoFindingCounts[id]}: {string.Join(" | ", findings.Select(f => $"{f.Line} {f.Text}"))}");
        }
        foreach (var c in scan.EchoCandidates)
        {
            text.AppendLine($"echo candidate {c}");
        }
        foreach (var (step, lines) in scan.StepTails.OrderBy(kv => kv.Key))
        {
            text.AppendLine($"step tail {step}: {string.Join(" | ", lines)}");
        }
        text.AppendLine($"tail: {string.Join(" | ", scan.Tail)}");
        text.AppendLine($"nearby: {string.Join(" | ", scan.Nearby)}");
        text.AppendLine($"familiar: {string.Join(",", scan.Familiar.Order())}");
        text.AppendLine($"cascades: {string.Join(" | ", cascades.Cascades)} builders: {string.Join(" | ", cascades.FailedBuilders)}");
        return text.ToString();
    }

    private static void Lines(StringBuilder text, string what, IReadOnlyDictionary<string, IReadOnlyList<ContextLine>> lines)
    {
        foreach (var (id, list) in lines.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"{what} {id}: {string.Join(" | ", list)}");
        }
    }

    /// <summary>
    /// A log of <paramref name="count"/> lines drawn from quiet text, error vocabulary, catalog
    /// examples, format markers, ANSI escapes, non-ASCII text and secrets, with mixed line ends.
    /// </summary>
    private static byte[] Generate(Random random, int count, double quietShare = 0.7)
    {
        var examples = Catalog.Modes.SelectMany(m => m.ExamplesMatch).ToArray();
        string[] quiet =
        [
            "Downloading https://repo.example/artifact-1.2.3.jar", "  compiling module foo", "[INFO] Building jar", "", "   ",
            "2024-05-01T10:00:00.1234567Z plain output line", "ok 12 - adds numbers", "\t at org.example.Foo.bar(Foo.java:12)",
            "\u001b[32mgreen text\u001b[0m and more", "\u001b[0Kprogress 45%", "make[1]: Entering directory '/src'", "+ npm run build",
        ];
        string[] special =
        [
            "##[group]Run npm test", "##[endgroup]", "##[error]Process completed with exit code 1.", "Post job cleanup.",
            "section_start:1700000000:build_script\r\u001b[0KStep script", "section_end:1700000000:build_script\r\u001b[0K",
            "ERROR: Job failed: exit code 1", "travis_fold:start:install", "travis_time:end:abc:start=1,finish=2,duration=3\r\u001b[0K ",
            "$ make test", "The command \"make test\" exited with 2.", "Done. Your build exited with 1.", "[Pipeline] stage",
            "[Pipeline] { (Build)", "ERROR: script returned exit code 2", "Finished: FAILURE", "~~~ Running tests", "+++ Build",
            "🚨 Error: The command exited with status 1", "building '/nix/store/abc-foo-1.0.drv'...", "foo> compiling",
            "error: builder for '/nix/store/abc-foo-1.0.drv' failed with exit code 1", "       > last lines",
            "error: 1 dependencies of derivation '/nix/store/def-bar.drv' failed to build", "✗ test failed", "résumé é ü",
            "token=abcdefghijklmnop", "https://user:secret@example.com/repo.git", "-----BEGIN RSA PRIVATE KEY-----", "MIIEpAIBAAKCAQEA",
            "-----END RSA PRIVATE KEY-----", "\u001b[31merr\u001b[0mor: split by an escape", "\u001b[8mha:////4Hbase64\u001b[0m[Pipeline] sh",
            "Error: something failed", "FAILED tests/test_x.py::test_y - AssertionError", "npm ERR! code ELIFECYCLE", "make: *** [all] Error 2",
            "Error: Process completed with exit code 137.", "The runner has received a shutdown signal.", "The operation was canceled.",
            "ERROR: Job failed (system failure): exit status 2", "WARNING: step_script could not run to completion because the timeout was exceeded.",
            "The command \"npm test\" failed and exited with 100 during install.", "Exited with code exit status 1", "exit status 128",
            "##[error]Bash exited with code '1'.", "##[section]Starting: Build", "##[section]Finishing: Test", "exitcode '127': failure",
            "Build step 'Execute shell' marked build as failure", "Run actions/checkout@v4", "  shell: /usr/bin/bash -e {0}",
            "#!/bin/bash -eo pipefail", "====>> Checkout code", "Getting source from Git repository 00:03", "00:03", "23s",
            "  | [2019-11-01T12:11:56Z] ~~~ Preparing working directory", "Process exited with code 255 (Step: Unity)",
        ];
        string[] ends = ["\n", "\n", "\n", "\r\n", "\r"];
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            double pick = random.NextDouble();
            string line = pick < quietShare ? quiet[random.Next(quiet.Length)]
                : pick < quietShare + (1 - quietShare) / 2 ? examples[random.Next(examples.Length)]
                : special[random.Next(special.Length)];
            text.Append(line).Append(ends[random.Next(ends.Length)]);
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CiDoctor.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    /// <summary>Returns 1 to 7 bytes a read, like a slow pipe.</summary>
    private sealed class TrickleStream(byte[] bytes) : Stream
    {
        private int _position;
        private int _turn;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, 1 + (_turn++ % 7)), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
