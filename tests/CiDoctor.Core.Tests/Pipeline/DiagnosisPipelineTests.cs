using System.Text;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;
using CiDoctor.Core.Pipeline;
using CiDoctor.Core.Reports;
using CiDoctor.Core.Sources;
using CiDoctor.Testing;
using static CiDoctor.Core.Tests.Pipeline.PipelineKit;

namespace CiDoctor.Core.Tests.Pipeline;

/// <summary>
/// The pipeline without any host: a sample diagnosed and rendered, enrichers run in order and
/// isolated (a throwing one is a note), the request checked before anything is read.
/// </summary>
public class DiagnosisPipelineTests
{
    private static readonly string Sample = Path.Combine(Repo.Samples, "nix-disk-full");

    [Fact]
    public void Diagnose_Sample_RendersTheJsonContract()
    {
        var json = Json(Compose(), new DiagnosisRequest([Sample]));

        Assert.Equal(1, json.GetProperty("schemaVersion").GetInt32());
        var failed = json.GetProperty("jobs").EnumerateArray().Where(j => j.GetProperty("status").GetString() == "failed").ToList();
        var build = failed.Single(j => j.GetProperty("name").GetString() == "nix (x86_64-linux)");
        Assert.Equal("resource.disk-full", build.GetProperty("rootCause").GetProperty("id").GetString());
        Assert.Equal("environment", build.GetProperty("origin").GetString());
        Assert.Contains(build.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("text").GetString()!.Contains("No space left on device", StringComparison.Ordinal));
        Assert.Equal(3, json.GetProperty("summary").GetProperty("failedJobs").GetInt32());
    }

    [Fact]
    public void Diagnose_Enrichers_RunInTheOrderComposed()
    {
        var report = Report(Compose(new Marking("first"), new Marking("second")), new DiagnosisRequest([Sample]));

        Assert.Equal(["first: was here", "second: was here"], report.Run.Notes);
    }

    [Theory]
    [InlineData("begin", "cannot begin")]
    [InlineData("enrich", "broke on two lines")]
    [InlineData("baseline", "store is gone")]
    public void Diagnose_ThrowingEnricher_IsANoteAndTheReportIsOtherwiseUnchanged(string step, string reason)
    {
        var plain = Report(Compose(new Marking("before"), new Marking("after")), new DiagnosisRequest([Sample]));

        var report = Report(Compose(new Marking("before"), new Throwing(step), new Marking("after")), new DiagnosisRequest([Sample]));

        // The enrichers on either side still ran, in order, and the throwing one left one note.
        Assert.Equal(3, report.Run.Notes.Count);
        Assert.Equal("before: was here", report.Run.Notes[0]);
        Assert.StartsWith("the throwing enricher left out of this report: ", report.Run.Notes[1], StringComparison.Ordinal);
        Assert.Contains(reason, report.Run.Notes[1], StringComparison.Ordinal);
        Assert.DoesNotContain('\n', report.Run.Notes[1]);
        Assert.Equal("after: was here", report.Run.Notes[2]);
        Assert.Equal(Without(plain), Without(report with { Run = report.Run with { Notes = [report.Run.Notes[0], report.Run.Notes[2]] } }));
    }

    [Fact]
    public void Diagnose_ThrowingBaseline_StopsAskingThatEnricherForTheRun()
    {
        var throwing = new Throwing("baseline");
        var pipeline = new DiagnosisPipeline(new DiagnosisPipelineOptions(Modes) { Enrichers = [throwing], ParallelJobs = 1 });

        var report = Report(pipeline, new DiagnosisRequest([Sample]));

        Assert.Equal(1, throwing.BaselinesAsked);
        Assert.Single(report.Run.Notes);
    }

    [Fact]
    public void Diagnose_EnricherBaseline_IsAskedPerJobUnlessTheRequestHasOne()
    {
        using var dir = new TempDir();
        string pass = dir.Write("pass.log", "building\nall good\n");
        var baselines = new Baselines(LogSource.FromFile(pass, "pass.log"));
        var pipeline = Compose(baselines);

        Report(pipeline, new DiagnosisRequest([Sample]));
        int perJob = baselines.Asked;
        Report(pipeline, new DiagnosisRequest([Sample]) { Baseline = pass });

        Assert.Equal(SourceReader.Read(Sample).Jobs.Count(j => j.Log is not null), perJob);
        Assert.Equal(perJob, baselines.Asked);
    }

    [Fact]
    public void Diagnose_Excerpts_OnlyForARendererThatShowsThem()
    {
        var pipeline = Compose();

        using var html = pipeline.Diagnose(new DiagnosisRequest([Sample]) { Format = "html" });
        using var json = pipeline.Diagnose(new DiagnosisRequest([Sample]) { Format = "json" });

        Assert.Contains(html.Report.Jobs, j => j.Excerpts.Count > 0);
        Assert.All(json.Report.Jobs, j => Assert.Empty(j.Excerpts));
    }

    [Fact]
    public void Diagnose_RendererThatRefuses_FailsBeforeAnySourceIsOpened()
    {
        var source = new CountingSource();
        var renderers = ReportRenderers.Core.Add("picky", _ => throw new CiDoctorException("picky: nowhere to write"));
        var pipeline = new DiagnosisPipeline(new DiagnosisPipelineOptions(Modes) { Sources = [source], Renderers = renderers });

        var error = Assert.Throws<CiDoctorException>(() => pipeline.Diagnose(new DiagnosisRequest(["counted:run"]) { Format = "picky" }));

        Assert.Equal("picky: nowhere to write", error.Message);
        Assert.Equal(0, source.Opened);
    }

    [Fact]
    public void Diagnose_RegisteredSource_ReadsWhatItAcceptsAndIsReleasedWithTheRun()
    {
        var source = new CountingSource();
        var pipeline = new DiagnosisPipeline(new DiagnosisPipelineOptions(Modes) { Sources = [source] });

        using (var run = pipeline.Diagnose(new DiagnosisRequest(["counted:run", Sample])))
        {
            Assert.Equal(1, source.Opened);
            Assert.Equal(0, source.Released);
            Assert.Equal(["counted:run", Sample], run.Report.Sources);
            Assert.Equal("counted", run.Report.Jobs[0].Name);
            Assert.Equal("resource.disk-full", run.Report.Jobs[0].RootCause?.Id);
        }
        Assert.Equal(1, source.Released);
    }

    [Fact]
    public void Diagnose_ReopenableStdin_IsCopiedAndTheCopyRemovedWithTheRun()
    {
        byte[] log = Encoding.UTF8.GetBytes("error: failed to build archive: No space left on device (os error 28)\n");
        var request = new DiagnosisRequest(["-"]) { Reading = new SourceOptions { Stdin = () => new MemoryStream(log), Reopenable = true } };

        string copy;
        using (var run = Compose().Diagnose(request))
        {
            var job = Assert.Single(run.Input.Jobs);
            Assert.True(job.Log!.CanReopen);
            copy = job.Log.Where;
            Assert.True(File.Exists(copy));
            Assert.Equal("resource.disk-full", run.Report.Jobs[0].RootCause?.Id);
        }
        Assert.False(File.Exists(copy));
    }

    [Theory]
    [InlineData(new[] { "-", "-" }, null, "stdin (-) can be given only once")]
    [InlineData(new string[0], null, "nothing to diagnose")]
    [InlineData(new[] { "x.log" }, "/no/such/pass.log", "--baseline /no/such/pass.log: no such file")]
    public void Diagnose_BadRequest_IsOneClearError(string[] sources, string? baseline, string message)
    {
        var error = Assert.Throws<CiDoctorException>(() => Compose().Diagnose(new DiagnosisRequest(sources) { Baseline = baseline }));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_FromManyThreads_GivesEveryCallerTheSameReport()
    {
        var pipeline = Compose();
        string expected = Text(pipeline, Sample);

        var reports = Enumerable.Range(0, 6).AsParallel().WithDegreeOfParallelism(3).Select(_ => Text(pipeline, Sample)).ToList();

        Assert.All(reports, r => Assert.Equal(expected, r));
    }

    private static RunReport Report(DiagnosisPipeline pipeline, DiagnosisRequest request)
    {
        using var run = pipeline.Diagnose(request);
        return run.Report;
    }

    private static string Text(DiagnosisPipeline pipeline, string source)
    {
        using var run = pipeline.Diagnose(new DiagnosisRequest([source]) { Format = "markdown" });
        using var output = new StringWriter();
        run.Render(output);
        return output.ToString();
    }

    // The report as JSON without its notes: what an enricher that only adds notes must leave alone.
    private static string Without(RunReport report)
    {
        using var output = new StringWriter();
        new JsonReportRenderer().Render(report with { Run = report.Run with { Notes = [] } }, output);
        return output.ToString();
    }

    /// <summary>Reads <c>counted:…</c> as one job with a disk-full line, counting opens and releases.</summary>
    private sealed class CountingSource : IRunSource
    {
        public int Opened;
        public int Released;

        public bool Accepts(string source) => source.StartsWith("counted:", StringComparison.Ordinal);

        public SourceRun Open(string source, SourceOptions options)
        {
            Opened++;
            var log = Log("counted.log", "error: failed to build archive: No space left on device (os error 28)");
            var input = new RunInput([source], new RunInfo(), [new JobInput("counted", "counted.log", log, null)]);
            return new SourceRun(input, () => Released++);
        }
    }
}
