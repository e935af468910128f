using CiDoctor.Core.Model;
using CiDoctor.Core.Reports;

namespace CiDoctor.Core.Tests.Reports;

/// <summary>The run-level reading the reports share: scope, impact, patterns, actions, duration.</summary>
public class RunOverviewTests
{
    private static readonly RecommendedAction FreeSpace = new(ActionWhen.Immediate, Effort.Minutes, "Free space.");
    private static readonly RecommendedAction BiggerRunner = new(ActionWhen.LongTerm, Effort.Days, "Use a bigger runner.");
    private static readonly RecommendedAction FixTest = new(ActionWhen.Immediate, Effort.Hours, "Fix the test.");

    private static readonly RootCause DiskFull = new("resource.disk-full", "disk-full", "Runner ran out of disk space", 0.9, "disk full", [],
        [BiggerRunner, FreeSpace], "Keep disk headroom.", Severity.High);

    private static readonly RootCause TestBug = new("test.bug", "test-failure", "The test is wrong", 0.8, "bad test", [], [FixTest, FreeSpace], "Test the test.", Severity.Medium);

    [Fact]
    public void Scope_NamesTheOtherJobsWithTheSameCause_AndTheJobsThatFollow()
    {
        var report = Report(
            Failed("x86", DiskFull, Origin.Environment),
            Failed("arm", DiskFull, Origin.Environment),
            Failed("deploy", null, Origin.Unknown) with { CascadeOf = "x86" },
            Failed("test", TestBug, Origin.Code));
        var overview = new RunOverview(report);

        Assert.Equal("2 jobs with the same cause (also arm); 1 job failing as a consequence (deploy)", overview.Scope(report.Jobs[0]));
        Assert.Equal("follows from x86", overview.Scope(report.Jobs[2]));
        Assert.Equal("this job only", overview.Scope(report.Jobs[3]));
        Assert.Equal(2, overview.Causes.Count);
    }

    [Fact]
    public void Impact_SaysWhichStepFailed_WhatDidNotRun_AndWhoseItIsToFix()
    {
        var steps = new[]
        {
            new StepFact("checkout", RunStatus.Passed, 0, null, null, 1, 10),
            new StepFact("build", RunStatus.Failed, 1, null, null, 11, 90),
            new StepFact("test", RunStatus.Skipped, null, null, null, null, null),
            new StepFact("upload", RunStatus.Skipped, null, null, null, null, null),
        };
        var job = Failed("x86", DiskFull, Origin.Environment) with
        {
            FailedStep = "build",
            Cascades = [new Cascade("a.drv", "/nix/store/h-a.drv", "bws.drv"), new Cascade("b.drv", "/nix/store/h-b.drv", "bws.drv")],
            Facts = Facts() with { Steps = steps },
        };
        var impact = new RunOverview(Report(job)).Impact(job);

        Assert.Equal("Step \"build\" failed and 2 later steps did not run.", impact[0]);
        Assert.Equal("2 derivations that depend on bws.drv could not be built.", impact[1]);
        Assert.StartsWith("Nothing says the code is wrong", impact[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Patterns_ShowSharedCauses_Independence_Cascades_OriginsAndRunners()
    {
        var report = Report(
            Failed("x86", DiskFull, Origin.Environment, runner: "r1"),
            Failed("arm", DiskFull, Origin.Environment, runner: "r1"),
            Failed("deploy", null, Origin.Unknown) with { CascadeOf = "x86" },
            Failed("test", TestBug, Origin.Code));
        var patterns = new RunOverview(report).Patterns();

        Assert.Contains("Same cause in 2 jobs: Runner ran out of disk space (x86, arm); one fix addresses all of them.", patterns);
        Assert.Contains(patterns, p => p.StartsWith("2 independent root causes:", StringComparison.Ordinal));
        Assert.Contains("deploy failed only because x86 (which it needs) failed.", patterns);
        Assert.Contains("Origins differ: environment in 2 jobs, code in 1 job.", patterns);
        Assert.Contains("2 failed jobs ran on the same runner \"r1\": x86, arm.", patterns);
    }

    [Fact]
    public void Patterns_OfOneFailure_AreEmpty()
    {
        Assert.Empty(new RunOverview(Report(Failed("x86", DiskFull, Origin.Environment), Passed("lint"))).Patterns());
    }

    [Fact]
    public void Actions_AreGroupedByWhen_AndAnActionSharedByTwoCausesIsListedOnce()
    {
        var report = Report(Failed("x86", DiskFull, Origin.Environment), Failed("arm", DiskFull, Origin.Environment), Failed("test", TestBug, Origin.Code));
        var actions = new RunOverview(report).Actions();

        Assert.Equal(["Free space.", "Fix the test.", "Use a bigger runner."], actions.Select(a => a.Action.Text));
        Assert.Equal(["Runner ran out of disk space", "The test is wrong"], actions[0].Causes);
        Assert.Equal(["Keep disk headroom.", "Test the test."], new RunOverview(report).Principles());
    }

    [Fact]
    public void RunDuration_SpansTheFirstStartToTheLastEnd_AndIsNullWithoutTimes()
    {
        var a = Passed("a") with { Facts = Facts() with { StartedAt = "2025-10-14T10:00:00Z", CompletedAt = "2025-10-14T10:05:00Z" } };
        var b = Passed("b") with { Facts = Facts() with { StartedAt = "2025-10-14T10:01:00Z", CompletedAt = "2025-10-14T10:12:30Z" } };

        Assert.Equal(750, new RunOverview(Report(a, b)).RunDuration);
        Assert.Null(new RunOverview(Report(Passed("c"))).RunDuration);
    }

    private static JobFacts Facts() => new("github", 100, null, [], []);

    private static JobDiagnosis Failed(string name, RootCause? cause, Origin origin, string? runner = null) =>
        new(name, null, name + ".log", RunStatus.Failed, null, 1, origin, cause, [], null, [], [], Facts() with { RunnerName = runner });

    private static JobDiagnosis Passed(string name) =>
        new(name, null, name + ".log", RunStatus.Passed, null, 0, Origin.Unknown, null, [], null, [], [], Facts());

    private static RunReport Report(params JobDiagnosis[] jobs)
    {
        var failed = jobs.Where(RunOverview.IsFailure).ToList();
        int causes = failed.Where(j => j.CascadeOf is null).Select(j => j.RootCause?.Id ?? j.Name).Distinct().Count();
        var summary = new RunSummary(jobs.Length, failed.Count, jobs.Length - failed.Count, causes, causes > 1, false);
        return new RunReport(["run"], new RunInfo(), summary, jobs);
    }
}
