using System.Text;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Diagnosis;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;
using CiDoctor.Core.Sources;
using CiDoctor.Testing;

namespace CiDoctor.Core.Tests.Diagnosis;

/// <summary>The lines around evidence, read again after the diagnosis for the HTML report.</summary>
public class LogExcerptsTests
{
    private static readonly FailureCatalog Catalog = CatalogLoader.Load([]);

    [Fact]
    public void Ranges_NearStartAndEnd_AreClampedToTheLog()
    {
        var ranges = LogExcerpts.Ranges([2, 99], 5, 100);

        Assert.Equal([(1L, 7L), (94L, 100L)], ranges);
    }

    [Fact]
    public void Ranges_OverlappingOrTouching_AreMerged()
    {
        Assert.Equal([(5L, 19L)], LogExcerpts.Ranges([14, 10, 10], 5, 1000));
        Assert.Equal([(5L, 26L)], LogExcerpts.Ranges([10, 21], 5, 1000));
        Assert.Equal([(5L, 15L), (17L, 27L)], LogExcerpts.Ranges([10, 22], 5, 1000));
    }

    [Fact]
    public void Ranges_LinesOutsideTheLog_AreIgnored()
    {
        Assert.Equal([(1L, 3L)], LogExcerpts.Ranges([0, -4, 3, 7], 2, 3));
    }

    [Fact]
    public void Read_CrLfLoneCrAndLf_NumbersLinesLikeTheReader()
    {
        var log = Source("one\r\ntwo\rthree\nfour\r\rsix\n");

        var excerpts = LogExcerpts.Read(log, "plain", [(2, 3), (5, 9)]);

        Assert.Equal(2, excerpts.Count);
        Assert.Equal(2, excerpts[0].FirstLine);
        Assert.Equal(["two", "three"], excerpts[0].Lines);
        // The log ends inside the second range: it holds what is there.
        Assert.Equal(5, excerpts[1].FirstLine);
        Assert.Equal(["", "six"], excerpts[1].Lines);
        Assert.Equal(6, excerpts[1].LastLine);
    }

    [Fact]
    public void Read_FirstLines_StartAtLineOne()
    {
        var log = Source("alpha\nbeta\ngamma\ndelta\n");

        var excerpts = LogExcerpts.Read(log, "plain", [(1, 2)]);

        Assert.Equal(["alpha", "beta"], Assert.Single(excerpts).Lines);
    }

    [Fact]
    public void Read_SecretsAndPemBlocks_AreMaskedLikeEvidence()
    {
        string token = "ghp_" + new string('a', 36);
        var log = Source(string.Join('\n',
            "-----BEGIN RSA PRIVATE KEY-----",
            "MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB",
            "aFDrBz9vFqU4yB5nJH0bX2R1m1ZkPj9vZ7Q6V0TcOq8i6lW6F1E2Z1Yk6mN0q3Xn",
            "-----END RSA PRIVATE KEY-----",
            $"git push https://ci:{token}@github.com/o/r",
            "GITHUB_TOKEN=hunter2hunter2",
            ""));

        // The range starts inside the PEM block: the masker saw its first line all the same.
        var lines = Assert.Single(LogExcerpts.Read(log, "plain", [(2, 6)])).Lines;

        Assert.Equal(["***", "***", "***"], lines.Take(3));
        Assert.DoesNotContain(lines, l => l.Contains(token, StringComparison.Ordinal) || l.Contains("hunter2", StringComparison.Ordinal));
        Assert.Equal("git push https://ci:***@github.com/o/r", lines[3]);
    }

    [Fact]
    public void Read_LongLine_IsCutLikeEvidence()
    {
        var log = Source("short\n" + new string('x', 5000) + "\n");

        var line = Assert.Single(LogExcerpts.Read(log, "plain", [(2, 2)])).Lines.Single();

        Assert.Equal(Finding.MaxText, line.Length);
        Assert.EndsWith("…", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Attach_StdinLog_AddsNoExcerpts()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("building\nerror: No space left on device\nexit 1\n");
        var input = SourceReader.Read("-", () => new MemoryStream(bytes));

        var report = LogExcerpts.Attach(new RunDiagnoser(Catalog).Diagnose(input), input);

        Assert.NotEmpty(report.Jobs[0].Evidence);
        Assert.Empty(report.Jobs[0].Excerpts);
    }

    [Fact]
    public void Attach_LogChangedSinceTheDiagnosis_AddsNoExcerpts()
    {
        using var dir = new TempDir();
        string path = dir.Write("job.log", "building\nerror: No space left on device\nexit 1\n");
        var input = SourceReader.Read(path);
        var report = new RunDiagnoser(Catalog).Diagnose(input);
        File.WriteAllText(path, "something else\nentirely\nexit 1\n");

        var attached = LogExcerpts.Attach(report, input);

        Assert.Empty(attached.Jobs[0].Excerpts);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Attach_Samples_ExcerptLinesAgreeWithEvidenceNumbersAndText(string sample)
    {
        var input = SourceReader.Read(Path.Combine(Repo.Samples, sample));
        var report = LogExcerpts.Attach(new RunDiagnoser(Catalog).Diagnose(input), input);

        int checkedLines = 0;
        foreach (var job in report.Jobs)
        {
            foreach (var e in job.Evidence.Where(e => e.Source == EvidenceSource.Log && e.Line is not null))
            {
                var excerpt = job.Excerpts.Single(x => x.Contains(e.Line!.Value));
                Assert.Equal(e.Text, excerpt[e.Line!.Value]);
                Assert.True(excerpt.FirstLine <= Math.Max(1, e.Line!.Value - LogExcerpts.DefaultRadius));
                Assert.True(excerpt.LastLine >= Math.Min(job.Facts.LineCount, e.Line!.Value + LogExcerpts.DefaultRadius));
                checkedLines++;
            }
            // Excerpts are sorted, disjoint and not touching (touching ones are merged).
            for (int i = 1; i < job.Excerpts.Count; i++)
            {
                Assert.True(job.Excerpts[i].FirstLine > job.Excerpts[i - 1].LastLine + 1);
            }
        }
        Assert.True(checkedLines > 0, $"{sample}: no log evidence to check");
    }

    public static TheoryData<string> Samples() =>
        new(Directory.GetDirectories(Repo.Samples).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    private static LogSource Source(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        return new LogSource("job.log", "job.log", () => new MemoryStream(bytes));
    }
}
