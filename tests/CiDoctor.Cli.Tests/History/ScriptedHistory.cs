using System.Globalization;
using System.Text.Json;
using CiDoctor.Testing;

namespace CiDoctor.Cli.Tests.History;

/// <summary>
/// The acceptance history, written as run folders (run.json, logs, JUnit) that
/// <c>history add</c> records like any other run. Runs 101–108 on branch main:
/// <list type="bullet">
/// <item>job A passes on commit c0 (101, 102), then fails on every run since commit X (103, 104 on X;
/// 105–108 on Y) with one failure: the disk is full, in a different temp file each time;</item>
/// <item>job B passes until Y, then fails on alternating runs of commit Y (105, 107), a different
/// test each time (t1, then t2), passing in between;</item>
/// <item>job C always passes.</item>
/// </list>
/// </summary>
internal static class ScriptedHistory
{
    public const string FirstBadCommit = "X";

    public static readonly string[] Commits = ["c0", "c0", "X", "X", "Y", "Y", "Y", "Y"];

    /// <summary>Writes the eight runs under <paramref name="dir"/>; returns their folders, oldest first.</summary>
    public static IReadOnlyList<string> Write(TempDir dir) =>
        Enumerable.Range(0, Commits.Length).Select(i => WriteRun(dir, 101 + i, Commits[i], failingTestOfB: i switch { 4 => "t1", 6 => "t2", _ => null }, aFails: i >= 2)).ToList();

    /// <summary>One run folder: run <paramref name="runId"/> on <paramref name="commit"/>.</summary>
    public static string WriteRun(TempDir dir, int runId, string commit, string? failingTestOfB, bool aFails)
    {
        string folder = $"run-{runId}";
        string At(int minutes) => new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).AddDays(runId - 100).AddMinutes(minutes).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        dir.Write($"{folder}/a.log", aFails
            ? $"building\nerror: writing /tmp/tmp.{runId}ab failed after {runId % 7}.2s: No space left on device (os error 28)\nexit status 1\n"
            : "building\nbuild ok\n");
        dir.Write($"{folder}/b.log", failingTestOfB is null
            ? "running tests\n2 passed\n"
            : $"running tests\nFAILED tests/test_net.py::test_{failingTestOfB} - AssertionError: peer did not answer within {runId}ms\n1 failed, 1 passed\n");
        dir.Write($"{folder}/c.log", "lint\nall clean\n");
        dir.Write($"{folder}/junit/b.xml", $"""
            <testsuites><testsuite name="net">
              {Case("t1", failingTestOfB == "t1", runId)}
              {Case("t2", failingTestOfB == "t2", runId)}
            </testsuite></testsuites>
            """);
        var run = new
        {
            provider = "github",
            repository = "acme/app",
            runId = runId.ToString(CultureInfo.InvariantCulture),
            attempt = 1,
            workflow = "ci",
            branch = "main",
            commit,
            @event = "push",
            startedAt = At(0),
            jobs = new object[]
            {
                Job("A", aFails, "a.log", At(1), null),
                Job("B", failingTestOfB is not null, "b.log", At(2), ["junit/b.xml"]),
                Job("C", false, "c.log", At(3), null),
            },
        };
        dir.Write($"{folder}/run.json", JsonSerializer.Serialize(run));
        return dir.File(folder);
    }

    private static object Job(string name, bool failed, string log, string at, string[]? junit) => new
    {
        name,
        status = failed ? "failed" : "passed",
        log,
        startedAt = at,
        junit = junit ?? [],
        steps = new[] { new { name = "run", status = failed ? "failed" : "passed", exitCode = failed ? 1 : 0 } },
    };

    private static string Case(string name, bool failed, int runId) => failed
        ? $"""<testcase classname="net.Peer" name="{name}"><failure message="peer did not answer within {runId}ms"/></testcase>"""
        : $"""<testcase classname="net.Peer" name="{name}"/>""";
}
