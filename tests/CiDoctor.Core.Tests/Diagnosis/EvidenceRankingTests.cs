using CiDoctor.Core.Model;
using static CiDoctor.Core.Tests.Diagnosis.DiagnosisKit;

namespace CiDoctor.Core.Tests.Diagnosis;

/// <summary>
/// The ranking of evidence on small hand-made logs, one feature each: blocks rather than lines,
/// the failing command's last output, summaries and exit reports pointing at what they sum up,
/// lines a passing log also has, steps that passed, echoed scripts.
/// </summary>
public class EvidenceRankingTests
{
    [Fact]
    public void OutputRightBeforeTheExitReport_IsTheCause_EvenWithoutErrorWords()
    {
        string[] log =
        [
            "##[group]Run npm ci",
            "added 812 packages in 9s",
            "##[endgroup]",
            "##[group]Run npm run size",
            "  echo checking bundle size",
            "##[endgroup]",
            "> size-limit",
            "",
            "  Package size limit has exceeded by 934 B",
            "  Package size: 103.91 KB",
            "  Size limit:   103 KB",
            "",
            "##[error]Process completed with exit code 1.",
        ];
        var job = Diagnose(log, "github");

        Assert.Null(job.RootCause);
        long[] cause = job.Evidence.Where(e => e.Role == EvidenceRole.Cause).Select(e => e.Line ?? 0).ToArray();
        Assert.Contains(LineOf(log, "Package size limit has exceeded"), cause.Take(4));
        Assert.Contains(LineOf(log, "Size limit:"), cause.Take(4));
        Assert.DoesNotContain(LineOf(log, "added 812 packages"), EvidenceLines(job));
    }

    [Fact]
    public void BestBlock_IsShownAsABlock_LeadThenTheLinesAroundIt()
    {
        string[] log =
        [
            "Running tests",
            "ok 1 parses an empty file",
            "not ok 2 parses a header",
            "  expected: 'title'",
            "  actual: undefined",
            "  at test/parse.js:41:7",
            "ok 3 parses a footer",
            "",
            "# tests 3, pass 2",
        ];
        var job = Diagnose(log);

        var first = EvidenceLines(job).Take(4).ToArray();
        Assert.Equal(LineOf(log, "not ok 2"), first[0]);
        Assert.Equal(
            new[] { LineOf(log, "expected:"), LineOf(log, "actual:"), LineOf(log, "at test/parse.js") },
            first[1..]);
        Assert.DoesNotContain(LineOf(log, "ok 1 parses"), EvidenceLines(job));
    }

    [Fact]
    public void FailureCounts_AreNotTheCause_TheFailureTheyCountIs()
    {
        string[] log =
        [
            "test_config.py::test_defaults PASSED",
            "test_config.py::test_override FAILED",
            "    def test_override():",
            ">       assert load('x.toml').port == 8080",
            "E       AssertionError: assert 80 == 8080",
            "test_config.py:12: AssertionError",
            "",
            "1 failed, 1 passed in 0.12s",
        ];
        var job = Diagnose(log);

        long[] cause = job.Evidence.Where(e => e.Role == EvidenceRole.Cause).Select(e => e.Line ?? 0).ToArray();
        Assert.DoesNotContain(LineOf(log, "1 failed, 1 passed"), cause.Take(3));
        Assert.Contains(LineOf(log, "AssertionError: assert 80 == 8080"), EvidenceLines(job).Take(5));
    }

    [Fact]
    public void ExitReportOfABuildTool_LeadsToTheOutputAboveIt()
    {
        string[] log =
        [
            "erlc -o ebin src/app.erl",
            "src/app.erl:91: field description undefined in record vhost",
            "src/app.erl:344: variable 'Description' is unbound",
            "make[1]: *** [ebin/app.beam] Error 1",
            "make[1]: Leaving directory '/src/app'",
            "make: *** [all] Error 2",
        ];
        var job = Diagnose(log);

        Assert.Equal("cpp.make-error", job.RootCause?.Id);
        long[] lines = EvidenceLines(job);
        Assert.Equal(LineOf(log, "field description undefined"), lines[0]);
        Assert.Contains(LineOf(log, "is unbound"), lines.Take(3));
        Assert.DoesNotContain(LineOf(log, "Leaving directory"), lines);
    }

    [Fact]
    public void LinesThePassingLogAlsoHas_AreNotEvidence_AndTheirModeIsNotTheCause()
    {
        string[] common =
        [
            "npm WARN deprecated request@2.88.2: request has been deprecated",
            "E: Failed to fetch http://archive.example.org/dists/focal/Release  404  Not Found",
            "Running suite",
        ];
        string[] failing = [.. common, "Error: expected status 200, got 500", "    at api.test.js:17:9", "1 failing"];
        string[] passing = [.. common, "12 passing"];
        var job = Diagnose(failing, passing: passing);

        Assert.NotEqual("packages.apt-repository-unavailable", job.RootCause?.Id);
        Assert.DoesNotContain(LineOf(failing, "E: Failed to fetch"), EvidenceLines(job));
        Assert.Equal(LineOf(failing, "expected status 200"), EvidenceLines(job)[0]);
    }

    [Fact]
    public void ModeFoundOnlyInAStepThatPassed_IsNotTheRootCause()
    {
        string[] log =
        [
            "##[group]Run ./setup.sh",
            "./setup.sh: line 3: pip3: command not found",
            "setup done",
            "##[endgroup]",
            "##[group]Run make test",
            "##[endgroup]",
            "tests/test_parse.c:41: assertion failed: parse(\"\") == NULL",
            "1 of 12 tests failed",
            "##[error]Process completed with exit code 2.",
        ];
        var job = Diagnose(log, "github");

        Assert.NotEqual("runner.command-not-found", job.RootCause?.Id);
        Assert.Equal(LineOf(log, "assertion failed"), EvidenceLines(job)[0]);
    }

    [Fact]
    public void EchoedScriptsAndCommands_AreNeverEvidence()
    {
        string[] log =
        [
            "##[group]Run go mod tidy",
            "go mod tidy",
            "if [ -n \"$(git status --porcelain)\" ]; then",
            "  echo >&2 \"ERROR: go.mod/go.sum are not up-to-date\"",
            "  exit 1",
            "fi",
            "shell: /usr/bin/bash -e {0}",
            "##[endgroup]",
            "go: downloading golang.org/x/exp v0.0.0-20200224162631",
            "ERROR: go.mod/go.sum are not up-to-date",
            "##[error]Process completed with exit code 1.",
        ];
        var job = Diagnose(log, "github");

        Assert.DoesNotContain(LineOf(log, "echo >&2"), EvidenceLines(job));
        Assert.DoesNotContain(LineOf(log, "shell: /usr/bin/bash"), EvidenceLines(job));
        Assert.Equal(Array.LastIndexOf(log, "ERROR: go.mod/go.sum are not up-to-date") + 1, EvidenceLines(job)[0]);
    }
}
