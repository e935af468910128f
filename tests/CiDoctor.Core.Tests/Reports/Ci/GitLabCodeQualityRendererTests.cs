using System.Text.Json;
using CiDoctor.Core.Model;
using CiDoctor.Core.Reports.Ci;
using CiDoctor.Testing;
using static CiDoctor.Core.Tests.Reports.Ci.ReportKit;

namespace CiDoctor.Core.Tests.Reports.Ci;

public sealed class GitLabCodeQualityRendererTests : IDisposable
{
    private readonly TempDir _root = new();

    public void Dispose() => _root.Dispose();

    private JsonElement Render(RunReport report, string fallback = ".gitlab-ci.yml")
    {
        var output = new StringWriter();
        new GitLabCodeQualityRenderer(new GitLabCodeQualityOptions { WorkspaceRoot = _root.Path, FallbackPath = fallback })
            .Render(report, output);
        return JsonDocument.Parse(output.ToString()).RootElement.Clone();
    }

    [Theory]
    [InlineData(Severity.Low, "minor")]
    [InlineData(Severity.Medium, "major")]
    [InlineData(Severity.High, "critical")]
    [InlineData(Severity.Critical, "blocker")]
    public void Render_SeverityFromTheRootCauseMode(Severity modeSeverity, string severity)
    {
        var entry = Render(Report(Job("build", Cause("a.mode", severity: modeSeverity))))[0];

        Assert.Equal(severity, entry.GetProperty("severity").GetString());
        Assert.Equal("cidoctor/a.mode", entry.GetProperty("check_name").GetString());
    }

    [Fact]
    public void Render_OneEntryPerFailedJob_CascadesAndPassedJobsNamedNotListed()
    {
        var cause = Cause("a.high", "Disk full", "The disk filled up.");

        var entries = Render(Report(
            Job("linux", cause), Job("mac", cause), Job("deploy", cascadeOf: "linux"), Job("lint", status: RunStatus.Passed),
            Job("flaky", evidence: [Line(4, "Segmentation fault")])));

        Assert.Equal(3, entries.GetArrayLength());
        Assert.Equal("linux: Disk full. The disk filled up. Also failed as a consequence: deploy.", entries[0].GetProperty("description").GetString());
        Assert.Equal("mac: Disk full. The disk filled up.", entries[1].GetProperty("description").GetString());
        Assert.Equal("flaky: failed; no catalog mode matched. Most informative line: Segmentation fault", entries[2].GetProperty("description").GetString());
        Assert.Equal("cidoctor/unknown", entries[2].GetProperty("check_name").GetString());
        Assert.Equal("major", entries[2].GetProperty("severity").GetString());
    }

    [Fact]
    public void Render_Fingerprint_StablePerModeJobAndCauseLine()
    {
        var job = Job("build", Cause("a.high"), evidence: [Line(10, "No space left on device")]);
        var sameLater = Job("build", Cause("a.high"), evidence: [Line(99, "No space left on device")]);
        var otherJob = Job("test", Cause("a.high"), evidence: [Line(10, "No space left on device")]);
        var otherLine = Job("build", Cause("a.high"), evidence: [Line(10, "No space left on device (os error 28)")]);

        string Fp(JobDiagnosis j) => Render(Report(j))[0].GetProperty("fingerprint").GetString()!;

        Assert.Matches("^[0-9a-f]{32}$", Fp(job));
        Assert.Equal(Fp(job), Fp(sameLater));
        Assert.NotEqual(Fp(job), Fp(otherJob));
        Assert.NotEqual(Fp(job), Fp(otherLine));
    }

    [Fact]
    public void Render_EvidenceNamesRepoFile_LocationIsThatFileAndLine()
    {
        _root.Write("src/App/Program.cs", "class P {}\n");

        var entry = Render(Report(Job("build", Cause("a.high"), evidence: [Line(450, "src/App/Program.cs(12,5): error CS0246: Foo")])))[0];

        var location = entry.GetProperty("location");
        Assert.Equal("src/App/Program.cs", location.GetProperty("path").GetString());
        Assert.Equal(12, location.GetProperty("lines").GetProperty("begin").GetInt32());
    }

    [Fact]
    public void Render_NoRepoFile_LocationIsThePipelineConfigLine1()
    {
        var entry = Render(Report(Job("build", Cause("a.high"), evidence: [Line(450, "/nix/store/x-src/main.rs:3:1: error")])), fallback: "ci/pipeline.yml")[0];

        var location = entry.GetProperty("location");
        Assert.Equal("ci/pipeline.yml", location.GetProperty("path").GetString());
        Assert.Equal(1, location.GetProperty("lines").GetProperty("begin").GetInt32());
    }

    [Fact]
    public void Render_NothingFailed_EmptyArray() =>
        Assert.Equal(0, Render(Report(Job("lint", status: RunStatus.Passed))).GetArrayLength());
}
