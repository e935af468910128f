using System.Text;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Diagnosis;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;
using CiDoctor.Core.Reports;
using CiDoctor.Core.Sources;
using CiDoctor.Testing;

namespace CiDoctor.Core.Tests.Diagnosis;

/// <summary>
/// A run's jobs diagnosed on several threads give the same report as one after the other, report
/// the first bad job in input order, and count progress.
/// </summary>
public class RunDiagnoserTests
{
    private static readonly FailureCatalog Catalog = CatalogLoader.Load([]);

    [Fact]
    public void Diagnose_InParallel_GivesTheSameReportAsOneAfterTheOther()
    {
        var input = SourceReader.Read(Path.Combine(Repo.Samples, "nix-disk-full"));
        Assert.True(input.Jobs.Count(j => j.Log is not null) >= 4, "the sample must have enough logs to run in parallel");

        string sequential = Json(new RunDiagnoser(Catalog, new RunDiagnoserOptions { ParallelJobs = 1 }).Diagnose(input));
        string parallel = Json(new RunDiagnoser(Catalog, new RunDiagnoserOptions { ParallelJobs = 3 }).Diagnose(input));

        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Diagnose_ManyGeneratedJobs_InParallel_KeepsInputOrderAndVerdicts()
    {
        var jobs = Enumerable.Range(0, 40).Select(i => Job($"job{i:00}", i % 3 == 0
            ? ["step one", "error: failed to build archive: No space left on device (os error 28)", "exit 1"]
            : ["all good", $"test {i} passed"])).ToArray();
        var input = new RunInput(["generated"], new RunInfo(), jobs);

        var one = new RunDiagnoser(Catalog, new RunDiagnoserOptions { ParallelJobs = 1 }).Diagnose(input);
        var two = new RunDiagnoser(Catalog, new RunDiagnoserOptions { ParallelJobs = 2 }).Diagnose(input);

        Assert.Equal(jobs.Select(j => j.Name), two.Jobs.Select(j => j.Name));
        Assert.Equal(Json(one), Json(two));
        Assert.All(two.Jobs.Where((_, i) => i % 3 == 0), j => Assert.Equal("resource.disk-full", j.RootCause?.Id));
    }

    [Fact]
    public void Diagnose_InParallel_ReportsTheFirstBadJobInInputOrder()
    {
        var jobs = Enumerable.Range(0, 12).Select(i => i is 5 or 9
            ? new JobInput($"job{i}", $"job{i}.log", new LogSource($"job{i}.log", $"job{i}.log", () => new MemoryStream()), null)
            : Job($"job{i}", ["hello", "world"])).ToArray();
        var input = new RunInput(["generated"], new RunInfo(), jobs);

        var error = Assert.Throws<CiDoctorException>(() => new RunDiagnoser(Catalog, new RunDiagnoserOptions { ParallelJobs = 2 }).Diagnose(input));

        Assert.Contains("job5.log", error.Message, StringComparison.Ordinal);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_WithProgress_CountsEveryJobAndEveryByte()
    {
        var jobs = Enumerable.Range(0, 6).Select(i => Job($"job{i}", [$"line {i}", "error: something broke", "done"])).ToArray();
        long totalBytes = jobs.Sum(j => (long)Bytes(j).Length);
        var seen = new List<RunProgress>();
        var options = new RunDiagnoserOptions { ParallelJobs = 2, Progress = p => { lock (seen) { seen.Add(p); } } };

        new RunDiagnoser(Catalog, options).Diagnose(new RunInput(["generated"], new RunInfo(), jobs));

        Assert.Equal(6, seen.Max(p => p.JobsDone));
        Assert.All(seen, p => Assert.Equal(6, p.Jobs));
        Assert.Equal(totalBytes, seen.Max(p => p.BytesRead));
    }

    [Fact]
    public void Diagnose_TwoJobsFailingOnTheSameDerivation_TheLaterIsACascadeOfTheFirst()
    {
        const string Drv = "/nix/store/0123456789abcdfghijklmnpqrsvwxyz-foo-1.0.drv";
        string[] failing = ["building '" + Drv + "'...", "foo> make: *** [Makefile:3: all] Error 1", "error: builder for '" + Drv + "' failed with exit code 2"];
        var jobs = new[]
        {
            Job("x86", failing),
            Job("arm", failing),
            Job("other", ["error: builder for '/nix/store/0123456789abcdfghijklmnpqrsvwxyz-bar-2.0.drv' failed with exit code 1"]),
        };

        var report = new RunDiagnoser(Catalog).Diagnose(new RunInput(["generated"], new RunInfo(), jobs));

        Assert.Null(report.Jobs[0].CascadeOf);
        Assert.Equal("x86", report.Jobs[1].CascadeOf);
        Assert.Null(report.Jobs[2].CascadeOf);
        Assert.Equal([Drv], report.Jobs[0].FailedDerivations);
        Assert.Equal(3, report.Summary.FailedJobs);
    }

    [Fact]
    public void Diagnose_WithBaselineFor_EachJobGetsItsOwnBaseline()
    {
        string[] common = ["E: Failed to fetch http://archive.example.org/dists/focal/Release  404  Not Found", "Running suite"];
        string[] failing = [.. common, "Error: expected status 200, got 500", "1 failing"];
        var passing = Job("api-green", [.. common, "12 passing"]);
        var asked = new List<string>();
        var options = new RunDiagnoserOptions
        {
            ParallelJobs = 1,
            BaselineFor = job =>
            {
                asked.Add(job.Name);
                return job.Name == "api" ? passing.Log : null;
            },
        };

        var report = new RunDiagnoser(Catalog, options).Diagnose(new RunInput(["generated"], new RunInfo(), [Job("api", failing), Job("web", failing)]));

        Assert.Equal(["api", "web"], asked);
        Assert.NotEqual("packages.apt-repository-unavailable", report.Jobs[0].RootCause?.Id);
        Assert.Equal("packages.apt-repository-unavailable", report.Jobs[1].RootCause?.Id);
    }

    private static readonly Dictionary<string, byte[]> Logs = [];

    private static JobInput Job(string name, string[] lines)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
        lock (Logs)
        {
            Logs[name] = bytes;
        }
        return new JobInput(name, name + ".log", new LogSource(name + ".log", name + ".log", () => new MemoryStream(bytes)), null);
    }

    private static byte[] Bytes(JobInput job)
    {
        lock (Logs)
        {
            return Logs[job.Name];
        }
    }

    private static string Json(RunReport report)
    {
        var writer = new StringWriter();
        new JsonReportRenderer().Render(report, writer);
        return writer.ToString();
    }
}
