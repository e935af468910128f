using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CiDoctor.Testing;

namespace CiDoctor.Cli.Tests;

/// <summary>
/// DESIGN.md "Bad input" and "Exit codes": what cannot be diagnosed is refused with exit 2 and one
/// line on stderr (no stack trace, nothing on stdout); what can (invalid UTF-8, CR line ends,
/// huge lines) is diagnosed.
/// </summary>
public class BadInputTests
{
    private const string DiskFull = "error: writing /tmp/build/out.o: No space left on device";

    [Fact]
    public void Diagnose_EmptyFile_Exit2WithOneLine()
    {
        using var dir = new TempDir();
        string path = dir.Write("empty.log", "");

        var result = CliRunner.Run("diagnose", path);

        AssertRefused(result, "empty");
        Assert.Contains(path, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_EmptyStdin_Exit2WithOneLine()
    {
        var result = CliRunner.Run([], "diagnose", "-");

        AssertRefused(result, "empty");
    }

    [Fact]
    public void Diagnose_BinaryFile_Exit2WithOneLine()
    {
        using var dir = new TempDir();
        byte[] bytes = [.. Encoding.ASCII.GetBytes("\x7f" + "ELF"), 2, 1, 1, 0, 0, 0, 0, 0, .. Encoding.ASCII.GetBytes(DiskFull + "\n")];
        string path = dir.Write("a.out.log", bytes);

        var result = CliRunner.Run("diagnose", path);

        AssertRefused(result, "binary");
    }

    [Fact]
    public void Diagnose_NulByteLateInFirst8KiB_Exit2()
    {
        using var dir = new TempDir();
        var bytes = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("build output line\n", 600)) + DiskFull + "\n").ToList();
        bytes.Insert(8000, 0);
        string path = dir.Write("job.log", bytes.ToArray());

        var result = CliRunner.Run("diagnose", path);

        AssertRefused(result, "binary");
    }

    [Fact]
    public void Diagnose_InvalidUtf8_Exit0WithDiagnosis()
    {
        using var dir = new TempDir();
        byte[] bytes = [.. Encoding.ASCII.GetBytes("Compiling caf"), 0xE9, .. Encoding.ASCII.GetBytes(" module\n"), 0xFF, 0xFE, 0x80,
            .. Encoding.ASCII.GetBytes("\n" + DiskFull + "\n")];
        string path = dir.Write("latin1.log", bytes);

        var result = CliRunner.Run("diagnose", path, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        var job = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("jobs")[0];
        Assert.Equal("resource.disk-full", job.GetProperty("rootCause").GetProperty("id").GetString());
        var cause = job.GetProperty("evidence")[0];
        Assert.Equal(3, cause.GetProperty("line").GetInt64());
        Assert.Equal(DiskFull, cause.GetProperty("text").GetString());
    }

    [Fact]
    public void Diagnose_InvalidUtf8_TextReportNotesTheReplacement()
    {
        using var dir = new TempDir();
        byte[] bytes = [0xC0, 0xAF, .. Encoding.ASCII.GetBytes("\n" + DiskFull + "\n")];
        string path = dir.Write("bad.log", bytes);

        var result = CliRunner.Run("diagnose", path, "--format", "text");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("not valid UTF-8", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(DiskFull, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_CrOnlyLineEnds_Exit0WithRightLineNumbers()
    {
        using var dir = new TempDir();
        string path = dir.Write("cr.log", "Run make\r\rcompiling a.c\rcompiling b.c\r" + DiskFull + "\rmake: *** [all] Error 1\r");

        var result = CliRunner.Run("diagnose", path, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var cause = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("jobs")[0].GetProperty("evidence")[0];
        Assert.Equal("cause", cause.GetProperty("role").GetString());
        Assert.Equal(5, cause.GetProperty("line").GetInt64());
        Assert.Equal(DiskFull, cause.GetProperty("text").GetString());
    }

    [Fact]
    public void Diagnose_LogTruncatedMidLine_Exit0WithDiagnosis()
    {
        using var dir = new TempDir();
        string path = dir.Write("cut.log", "Run make\n" + DiskFull + "\nmake: *** [all] Err");

        var result = CliRunner.Run("diagnose", path, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var job = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("jobs")[0];
        Assert.Equal(2, job.GetProperty("evidence")[0].GetProperty("line").GetInt64());
    }

    [Fact]
    public void Diagnose_PathDoesNotExist_Exit2NamingThePath()
    {
        using var dir = new TempDir();
        string path = dir.File("no-such-job.log");

        var result = CliRunner.Run("diagnose", path);

        AssertRefused(result, path);
    }

    [Fact]
    public void Diagnose_FolderWithNoLogs_Exit2()
    {
        using var dir = new TempDir();
        string folder = dir.CreateFolder("run");
        dir.Write("run/screenshot.png", [0x89, 0x50, 0x4E, 0x47]);
        dir.CreateFolder("run/empty-sub");

        var result = CliRunner.Run("diagnose", folder);

        AssertRefused(result, "no job logs");
    }

    [Fact]
    public void Diagnose_EmptyFolder_Exit2()
    {
        using var dir = new TempDir();

        var result = CliRunner.Run("diagnose", dir.CreateFolder("nothing"));

        AssertRefused(result, "no job logs");
    }

    [Theory]
    [InlineData("../evil-{0}.txt")]
    [InlineData("logs/../../evil-{0}.txt")]
    [InlineData("/tmp/evil-{0}.txt")]
    [InlineData("..\\evil-{0}.txt")]
    [InlineData("../evil-{0}\nsecond line.txt")]
    public void Diagnose_ZipWithEscapingEntryName_Exit2AndWritesNothingOutside(string entryPattern)
    {
        using var dir = new TempDir();
        string unique = Guid.NewGuid().ToString("N");
        string entryName = string.Format(System.Globalization.CultureInfo.InvariantCulture, entryPattern, unique);
        string zipFolder = dir.CreateFolder("zips/inner");
        string zip = Path.Combine(zipFolder, "logs.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            WriteEntry(archive, "1_build.txt", DiskFull + "\n");
            WriteEntry(archive, entryName, "pwned\n");
        }
        var before = Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

        var result = CliRunner.Run("diagnose", zip);

        AssertRefused(result, "unsafe name");
        Assert.Equal(before, Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray());
        string evil = $"evil-{unique}.txt";
        Assert.False(File.Exists(Path.Combine(zipFolder, "..", evil)));
        Assert.False(File.Exists(Path.Combine(dir.Path, evil)));
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), evil)));
        Assert.False(File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "..", evil)));
    }

    [Fact]
    public void Diagnose_ZipEntryDeclaring10GB_Exit2Quickly()
    {
        using var dir = new TempDir();
        string zip = dir.Write("run-logs.zip", Zip64WithDeclaredSize("1_build.txt", DiskFull + "\n", 10L * 1024 * 1024 * 1024));
        using (var check = ZipFile.OpenRead(zip))
        {
            // The crafted archive is readable and says what the test means it to say.
            Assert.Equal(10L * 1024 * 1024 * 1024, Assert.Single(check.Entries).Length);
        }

        var watch = Stopwatch.StartNew();
        var result = CliRunner.Run("diagnose", zip);
        watch.Stop();

        AssertRefused(result, "GiB");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Diagnose_ZipEntryWithPatchedSize_Exit2Quickly()
    {
        // A valid zip written by System.IO.Compression whose entry then claims ~4 GB in both headers.
        using var dir = new TempDir();
        string zip = dir.File("run-logs.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            WriteEntry(archive, "1_build.txt", DiskFull + "\n");
        }
        byte[] bytes = File.ReadAllBytes(zip);
        const uint Declared = 0xFFFF_FF00;
        Assert.Equal(0x04034b50u, BitConverter.ToUInt32(bytes, 0));
        BitConverter.TryWriteBytes(bytes.AsSpan(22, 4), Declared);
        int central = IndexOf(bytes, [0x50, 0x4B, 0x01, 0x02]);
        BitConverter.TryWriteBytes(bytes.AsSpan(central + 24, 4), Declared);
        File.WriteAllBytes(zip, bytes);

        var watch = Stopwatch.StartNew();
        var result = CliRunner.Run("diagnose", zip);
        watch.Stop();

        AssertRefused(result, "zip");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Diagnose_OutIntoMissingFolder_Exit2AndNoFile()
    {
        using var dir = new TempDir();
        string log = dir.Write("job.log", DiskFull + "\n");
        string target = dir.File("missing/report.md");

        var result = CliRunner.Run("diagnose", log, "--out", target);

        AssertRefused(result, "does not exist");
        Assert.False(File.Exists(target));
        Assert.False(Directory.Exists(dir.File("missing")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Diagnose_OutWithEmptyName_Exit2(string target)
    {
        using var dir = new TempDir();
        string log = dir.Write("job.log", DiskFull + "\n");

        var result = CliRunner.Run("diagnose", log, "--out", target);

        AssertRefused(result, "--out");
    }

    [Fact]
    public void Diagnose_OutIsAFolder_Exit2()
    {
        using var dir = new TempDir();
        string log = dir.Write("job.log", DiskFull + "\n");

        var result = CliRunner.Run("diagnose", log, "--out", dir.CreateFolder("reports"));

        AssertRefused(result, "folder");
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("binary")]
    [InlineData("missing")]
    public void Diagnose_FailedRunWithOut_LeavesExistingTargetUnchanged(string input)
    {
        using var dir = new TempDir();
        string target = dir.Write("out/report.json", "previous report\n");
        string log = input switch
        {
            "empty" => dir.Write("job.log", ""),
            "binary" => dir.Write("job.log", [0, 1, 2, 3]),
            _ => dir.File("job.log"),
        };

        var result = CliRunner.Run("diagnose", log, "--format", "json", "--out", target);

        AssertRefused(result, "job.log");
        Assert.Equal("previous report\n", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(dir.File("out")));
    }

    [Fact]
    public void Diagnose_SuccessfulRunWithOut_ReplacesTargetAndLeavesNoTempFile()
    {
        using var dir = new TempDir();
        string target = dir.Write("out/report.json", "previous report\n");
        string log = dir.Write("job.log", DiskFull + "\n");

        var result = CliRunner.Run("diagnose", log, "--format", "json", "--out", target);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(1, JsonDocument.Parse(File.ReadAllText(target)).RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal([target], Directory.GetFiles(dir.File("out")));
    }

    [Theory]
    [InlineData("diagnose", "{log}", "--nope")]
    [InlineData("diagnose", "{log}", "--format", "nope")]
    [InlineData("diagnose", "{log}", "--ci", "teamcity")]
    [InlineData("diagnose")]
    [InlineData("frobnicate", "{log}")]
    [InlineData("diagnose", "{log}", "--format")]
    public void Run_UsageError_Exit2WithOneLine(params string[] args)
    {
        using var dir = new TempDir();
        string log = dir.Write("job.log", DiskFull + "\n");

        var result = CliRunner.Run(args.Select(a => a.Replace("{log}", log, StringComparison.Ordinal)).ToArray());

        AssertRefused(result, "");
    }

    [Fact]
    public void Run_UnknownFormat_NamesTheAllowedOnes()
    {
        using var dir = new TempDir();
        string log = dir.Write("job.log", DiskFull + "\n");

        var result = CliRunner.Run("diagnose", log, "--format", "nope");

        AssertRefused(result, "nope");
        Assert.Contains("json", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_MissingCatalogFolder_Exit2()
    {
        using var dir = new TempDir();
        string log = dir.Write("job.log", DiskFull + "\n");

        var result = CliRunner.Run("diagnose", log, "--catalog", dir.File("no-catalog"));

        AssertRefused(result, "no-catalog");
    }

    [Fact]
    public void Diagnose_MissingBaseline_Exit2()
    {
        using var dir = new TempDir();
        string log = dir.Write("job.log", DiskFull + "\n");

        var result = CliRunner.Run("diagnose", log, "--baseline", dir.File("pass.log"));

        AssertRefused(result, "pass.log");
    }

    [Fact]
    public void Diagnose_RunJsonLogOutsideFolder_Exit2()
    {
        using var dir = new TempDir();
        dir.Write("secret.log", DiskFull + "\n");
        string run = dir.CreateFolder("run");
        dir.Write("run/run.json", """{ "jobs": [ { "name": "build", "status": "failed", "log": "../secret.log" } ] }""");

        var result = CliRunner.Run("diagnose", run);

        AssertRefused(result, "leaves the run folder");
    }

    [Fact]
    public void Diagnose_InvalidRunJson_Exit2()
    {
        using var dir = new TempDir();
        string run = dir.CreateFolder("run");
        dir.Write("run/run.json", "{ \"jobs\": [ { \"name\": ");

        var result = CliRunner.Run("diagnose", run);

        AssertRefused(result, "run.json");
    }

    /// <summary>Exit 2, nothing on stdout, exactly one stderr line starting <c>cidoctor: </c>, no stack trace.</summary>
    private static void AssertRefused(CliResult result, string expectedInMessage)
    {
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}; stderr: {result.Stderr}; stdout: {result.Stdout}");
        Assert.Equal("", result.Stdout);
        Assert.EndsWith("\n", result.Stderr, StringComparison.Ordinal);
        var lines = result.Stderr.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 1, $"expected one stderr line, got {lines.Length}:\n{result.Stderr}");
        Assert.StartsWith("cidoctor: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(expectedInMessage, lines[0], StringComparison.Ordinal);
    }

    private static void WriteEntry(ZipArchive archive, string name, string text)
    {
        using var stream = archive.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        int at = haystack.AsSpan().IndexOf(needle);
        Assert.True(at >= 0, "signature not found");
        return at;
    }

    /// <summary>
    /// A one-entry zip whose entry is deflated <paramref name="text"/> but declares
    /// <paramref name="declared"/> bytes through a ZIP64 extra field (local and central headers).
    /// </summary>
    private static byte[] Zip64WithDeclaredSize(string name, string text, long declared)
    {
        byte[] data = Encoding.UTF8.GetBytes(text);
        byte[] compressed;
        using (var buffer = new MemoryStream())
        {
            using (var deflate = new DeflateStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            {
                deflate.Write(data);
            }
            compressed = buffer.ToArray();
        }
        byte[] nameBytes = Encoding.ASCII.GetBytes(name);
        uint crc = Crc32(data);
        using var zip = new MemoryStream();
        using var w = new BinaryWriter(zip);

        // Local file header; the uncompressed size is in the ZIP64 extra field.
        w.Write(0x04034b50u);
        w.Write((ushort)45);
        w.Write((ushort)0);
        w.Write((ushort)8);
        w.Write((ushort)0);
        w.Write((ushort)0x21);
        w.Write(crc);
        w.Write((uint)compressed.Length);
        w.Write(0xFFFFFFFFu);
        w.Write((ushort)nameBytes.Length);
        w.Write((ushort)12);
        w.Write(nameBytes);
        w.Write((ushort)0x0001);
        w.Write((ushort)8);
        w.Write(declared);
        w.Write(compressed);

        // Central directory header.
        long centralStart = zip.Position;
        w.Write(0x02014b50u);
        w.Write((ushort)45);
        w.Write((ushort)45);
        w.Write((ushort)0);
        w.Write((ushort)8);
        w.Write((ushort)0);
        w.Write((ushort)0x21);
        w.Write(crc);
        w.Write((uint)compressed.Length);
        w.Write(0xFFFFFFFFu);
        w.Write((ushort)nameBytes.Length);
        w.Write((ushort)12);
        w.Write((ushort)0);
        w.Write((ushort)0);
        w.Write((ushort)0);
        w.Write(0u);
        w.Write(0u);
        w.Write(nameBytes);
        w.Write((ushort)0x0001);
        w.Write((ushort)8);
        w.Write(declared);
        long centralSize = zip.Position - centralStart;

        // End of central directory.
        w.Write(0x06054b50u);
        w.Write((ushort)0);
        w.Write((ushort)0);
        w.Write((ushort)1);
        w.Write((ushort)1);
        w.Write((uint)centralSize);
        w.Write((uint)centralStart);
        w.Write((ushort)0);
        w.Flush();
        return zip.ToArray();
    }

    private static uint Crc32(byte[] data)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
