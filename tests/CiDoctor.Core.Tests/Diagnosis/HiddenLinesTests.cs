using System.Text;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Matching;
using CiDoctor.Core.Model;
using static CiDoctor.Core.Tests.Diagnosis.DiagnosisKit;

namespace CiDoctor.Core.Tests.Diagnosis;

/// <summary>
/// Issue 14: a heuristic that hides lines (a step's echoed script, quiet lines skipped unparsed,
/// noise) must not hide the only explanation of a failure. Each test names the evidence line that
/// must survive.
/// </summary>
public sealed class HiddenLinesTests
{
    private const string Ts = "2025-10-14T10:00:00.0000000Z ";

    [Fact]
    public void Issue14_RunGroupNeverClosed_ItsErrorLineIsTheCause()
    {
        // Hand-cut: the runner's "##[endgroup]" is gone, so the reader takes the step's output for its script.
        string[] log = GitHub(
            "##[group]Run make test",
            "make test",
            "cc -c main.c -o main.o",
            "main.c:12:5: error: 'frobnicate' undeclared (first use in this function)",
            "make: *** [Makefile:4: main.o] Error 1",
            "##[error]Process completed with exit code 2.");

        var job = Diagnose(log, "github");

        Assert.NotNull(job.RootCause);
        var first = job.Evidence[0];
        Assert.Equal((6L, EvidenceRole.Cause), (first.Line!.Value, first.Role));
        Assert.Equal("main.c:12:5: error: 'frobnicate' undeclared (first use in this function)", first.Text);
    }

    [Fact]
    public void Issue14_RunGroupNeverClosed_NoModeMatches_TheStepsLastOutputIsEvidence()
    {
        string[] log = GitHub(
            "##[group]Run ./deploy.sh",
            "./deploy.sh",
            "Uploading bundle to the store",
            "Package size limit has exceeded the 50 MB quota",
            "##[error]Process completed with exit code 1.");

        var job = Diagnose(log, "github");

        Assert.Null(job.RootCause);
        Assert.Contains(job.Evidence, e => e is { Line: 6, Role: EvidenceRole.Cause, Text: "Package size limit has exceeded the 50 MB quota" });
    }

    [Fact]
    public void Issue14_StepPrintedNothing_ItsScriptIsTheEvidence()
    {
        // A closed header and no output at all: the script that failed is all there is to show.
        string[] log = GitHub(
            "##[group]Run ./check-release.sh",
            "./check-release.sh",
            "shell: /usr/bin/bash -e {0}",
            "##[endgroup]",
            "##[error]Process completed with exit code 1.");

        var job = Diagnose(log, "github");

        Assert.Contains(job.Evidence, e => e is { Line: 4, Text: "./check-release.sh" });
    }

    [Fact]
    public void Issue14_StepPrintedNothing_AnEarlierStepsErrorStaysTheCause_ItsScriptStaysHidden()
    {
        // The script names an error; an earlier step shows the real one (cidiff Build-Terraform-CLI-Packages run390).
        string[] log = GitHub(
            "##[group]Run git describe --tags",
            "git describe --tags",
            "shell: /usr/bin/bash -e {0}",
            "##[endgroup]",
            "fatal: No tags can describe '60a189413d732eccd0158591618422c7cad1aed7'.",
            "Try --always, or create some tags.",
            "##[group]Run [ -n \"$VERSION\" ] || {",
            "[ -n \"$VERSION\" ] || {",
            "  echo \"error: no version\"; exit 1",
            "}",
            "shell: /usr/bin/bash -e {0}",
            "##[endgroup]",
            "##[error]Process completed with exit code 1.");

        var job = Diagnose(log, "github");

        Assert.Equal(7L, job.Evidence[0].Line);
        Assert.Equal("fatal: No tags can describe '60a189413d732eccd0158591618422c7cad1aed7'.", job.Evidence[0].Text);
        Assert.DoesNotContain(job.Evidence, e => e.Line is >= 10 and <= 14);
    }

    [Fact]
    public void Issue14_ExplainingLineIsQuiet_BigLog_ItIsEvidence()
    {
        // Big enough for the fast reader: no line of the step holds a catalog literal or a
        // keyword, so it skips them all unparsed; the step's tail still keeps the last ones.
        var lines = new List<string> { "##[group]Run ./deploy.sh", "./deploy.sh", "shell: /usr/bin/bash -e {0}", "##[endgroup]" };
        lines.AddRange(Enumerable.Range(0, 3000).Select(i => $"Uploading chunk {i} of 3000"));
        lines.Add("Bundle is 61 MB; the store takes at most 50 MB");
        lines.Add("##[error]Process completed with exit code 1.");
        string[] log = GitHub([.. lines]);
        long explaining = LineOf(log, "Bundle is 61 MB");

        var scan = ScanFast(log);
        var job = Diagnose(log, "github");

        Assert.True(scan.QuietLines >= 3000, $"only {scan.QuietLines} lines were quiet");
        Assert.Contains(job.Evidence, e => e.Line == explaining && e.Role == EvidenceRole.Cause && e.Text == "Bundle is 61 MB; the store takes at most 50 MB");
    }

    [Fact]
    public void Issue14_OnlyNoiseLooksLikeAnError_EvidenceShowsTheOtherLines()
    {
        // Private-cache 401s and substituter retries (benign) are the only error words, right
        // before the exit report; the failing command's own last words are above them.
        var noise = Enumerable.Range(0, 3).SelectMany(i => new[]
        {
            $"warning: unable to download 'https://cache.example.com/{i}.narinfo': HTTP error 401",
            $"warning: error: unable to download 'https://cache.nixos.org/{i}.narinfo': Couldn't resolve host name (6); retrying in 281 ms",
        });
        string[] log = GitHub(["##[group]Run nix build .#site", "nix build .#site", "shell: /usr/bin/bash -e {0}", "##[endgroup]",
            "Site is 120 MB; pages takes at most 100 MB", "", .. noise, "##[error]Process completed with exit code 1."]);

        var job = Diagnose(log, "github");

        Assert.Equal(6, job.Noise.Count);
        Assert.Equal([(7L, "Site is 120 MB; pages takes at most 100 MB")], job.Evidence.Select(e => (e.Line!.Value, e.Text)));
    }

    // A GitHub log: the runner's preamble, then the given lines, each with a timestamp.
    private static string[] GitHub(params string[] lines) =>
        ["Current runner version: '2.320.0'", "Runner name: 'gh-runner-1'", .. lines.Select(l => Ts + l)];

    private static ScanResult ScanFast(string[] lines)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
        using var session = new LogReadSession(new LogSource("job.log", "job.log", () => new MemoryStream(bytes)), "github");
        var compiled = new CompiledCatalog(CatalogLoader.Load([]), "github");
        var scan = new Scanner(compiled).Start();
        session.Read(compiled, scan);
        return scan.Result();
    }
}
