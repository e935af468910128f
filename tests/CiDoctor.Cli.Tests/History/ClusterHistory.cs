using System.Globalization;
using System.Text.Json;
using CiDoctor.Testing;

namespace CiDoctor.Cli.Tests.History;

/// <summary>
/// Run folders (run.json + logs) for the cluster tests, recorded with <c>history add</c> like any
/// run. Runs 201 and 202 fail job "deploy" with one error no catalog mode knows, varying only in
/// numbers, a temp path and the timestamp; run 203 fails job "build" with a full disk (a catalog
/// mode); <see cref="Unrelated"/> is a later run that fails with a third error.
/// </summary>
internal static class ClusterHistory
{
    /// <summary>The unknown error as run 201 logs it.</summary>
    public const string FluxError = "error: quantum flux capacitor misaligned on rack 12 at /tmp/tmp.Xa81kQ/flux.sock (retry 3 of 5)";

    public static IReadOnlyList<string> Write(TempDir dir) =>
    [
        WriteRun(dir, 201, "deploy", $"2026-04-01T10:00:01Z {FluxError}"),
        WriteRun(dir, 202, "deploy", "2026-04-02T17:45:09Z error: quantum flux capacitor misaligned on rack 7 at /tmp/tmp.bQ02zz/flux.sock (retry 1 of 5)"),
        WriteRun(dir, 203, "build", "error: failed to build archive at `/tmp/rustc8Kq/lib.rlib`: No space left on device (os error 28)"),
    ];

    public static string Unrelated(TempDir dir) => WriteRun(dir, 204, "docs", "error: sphinx theme 'furo' is not installed; run pip install furo");

    /// <summary>Run <paramref name="runId"/> (day <c>runId − 200</c> of April 2026): job <paramref name="failing"/> fails with <paramref name="line"/>, job "lint" passes.</summary>
    public static string WriteRun(TempDir dir, int runId, string failing, string line)
    {
        string folder = $"cluster-run-{runId}";
        string at = new DateTimeOffset(2026, 4, runId - 200, 9, 0, 0, TimeSpan.Zero).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        dir.Write($"{folder}/fail.log", $"starting {failing}\n{line}\nexit status 1\n");
        dir.Write($"{folder}/lint.log", "lint\nall clean\n");
        var run = new
        {
            provider = "github",
            repository = "acme/app",
            runId = runId.ToString(CultureInfo.InvariantCulture),
            attempt = 1,
            workflow = "ci",
            branch = "main",
            commit = $"c{runId}",
            @event = "push",
            startedAt = at,
            jobs = new object[]
            {
                new { name = failing, status = "failed", log = "fail.log", steps = new[] { new { name = "run", status = "failed", exitCode = 1 } } },
                new { name = "lint", status = "passed", log = "lint.log", steps = new[] { new { name = "run", status = "passed", exitCode = 0 } } },
            },
        };
        dir.Write($"{folder}/run.json", JsonSerializer.Serialize(run));
        return dir.File(folder);
    }
}
