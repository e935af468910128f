using CiDoctor.Core.Model;
using CiDoctor.Core.Reports.Ci;
using CiDoctor.Testing;
using static CiDoctor.Core.Tests.Reports.Ci.ReportKit;

namespace CiDoctor.Core.Tests.Reports.Ci;

public sealed class GitHubAnnotationsTests : IDisposable
{
    private readonly TempDir _root = new();

    public void Dispose() => _root.Dispose();

    private IReadOnlyList<GitHubAnnotation> Build(params JobDiagnosis[] jobs) =>
        GitHubAnnotations.Build(Report(jobs), new RepoFileLocator(_root.Path));

    [Fact]
    public void Build_SameCauseInTwoJobs_OneErrorNamingBoth()
    {
        var disk = Cause("resource.disk-full", "Runner ran out of disk space", "The disk filled up.");

        var annotations = Build(Job("linux", disk), Job("mac", disk), Job("lint", status: RunStatus.Passed));

        var error = Assert.Single(annotations);
        Assert.Equal("error", error.Level);
        Assert.Equal("linux, mac: Runner ran out of disk space", error.Title);
        Assert.StartsWith("The disk filled up. Jobs: linux, mac.", error.Message, StringComparison.Ordinal);
        Assert.Contains("resource.disk-full", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CascadeJob_NamedInItsCauseNotAnnotatedItself()
    {
        var disk = Cause("resource.disk-full", "Runner ran out of disk space");
        var other = Cause("network.dns", "DNS failed");

        var annotations = Build(
            Job("build", disk),
            Job("deploy", other, cascadeOf: "build"),
            Job("publish", null, cascadeOf: "deploy"));

        var error = Assert.Single(annotations);
        Assert.Equal("build: Runner ran out of disk space", error.Title);
        Assert.Contains("Also failed as a consequence: deploy, publish.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnrecognisedFailure_OneWarningPerJobWithItsLeadLine()
    {
        var annotations = Build(
            Job("a", evidence: [Line(7, "Segmentation fault (core dumped)")]),
            Job("b", evidence: [Line(3, "killed by signal 9")]));

        Assert.Equal(2, annotations.Count);
        Assert.All(annotations, a => Assert.Equal("warning", a.Level));
        Assert.Equal("a: cause not recognised", annotations[0].Title);
        Assert.Equal("No catalog mode matched; most informative line (7): Segmentation fault (core dumped)", annotations[0].Message);
    }

    [Fact]
    public void Build_MessageIsOneLine()
    {
        var annotations = Build(Job("a", Cause("x.y", "T", "first line\nsecond line\r\nthird")));

        Assert.Equal("first line second line third (x.y, code)", Assert.Single(annotations).Message);
    }

    [Fact]
    public void Build_EvidenceNamesExistingRepoFile_AnnotationPointsAtIt()
    {
        _root.Write("src/main.rs", "fn main() {}\n");

        var annotations = Build(Job("build", Cause("rust.compile-error"),
            evidence: [Line(900, "error[E0425]: cannot find value `x`"), Line(901, " --> src/main.rs:12:5", EvidenceRole.Context)]));

        var error = Assert.Single(annotations);
        Assert.Equal(new SourceLocation("src/main.rs", 12, 5), error.Location);
        Assert.StartsWith("::error file=src/main.rs,line=12,col=5,title=", error.ToCommand(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_EvidenceNamesMissingFile_NoFileOrLine()
    {
        var annotations = Build(Job("build", Cause("rust.compile-error"), evidence: [Line(900, " --> src/gone.rs:12:5")]));

        var error = Assert.Single(annotations);
        Assert.Null(error.Location);
        Assert.DoesNotContain("file=", error.ToCommand(), StringComparison.Ordinal);
        Assert.DoesNotContain("line=", error.ToCommand(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MoreCausesThanGitHubShows_LastOneSummarisesTheRest()
    {
        var jobs = Enumerable.Range(1, 12).Select(i => Job($"job{i}", Cause($"mode.m{i}", $"Mode {i}"))).ToArray();

        var annotations = Build(jobs);

        Assert.Equal(GitHubAnnotations.PerLevelCap, annotations.Count);
        Assert.Equal("job9: Mode 9", annotations[8].Title);
        Assert.Equal("3 more root causes", annotations[9].Title);
        Assert.Contains("job10: Mode 10; job11: Mode 11; job12: Mode 12", annotations[9].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ManyJobsOneCause_TitleListsThreeAndCountsTheRest()
    {
        var disk = Cause("resource.disk-full", "Disk full");

        var annotations = Build(Job("a", disk), Job("b", disk), Job("c", disk), Job("d", disk), Job("e", disk));

        Assert.Equal("a, b, c and 2 more: Disk full", Assert.Single(annotations).Title);
    }
}
