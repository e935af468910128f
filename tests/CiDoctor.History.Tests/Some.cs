using CiDoctor.History.Recording;
using CiDoctor.History.Records;
using CiDoctor.Testing;

namespace CiDoctor.History.Tests;

/// <summary>Builders of records for store tests: a run with defaults, jobs with a status and optional tests and log.</summary>
internal static class Some
{
    public static RunRecord Run(int n, string? branch = "main", string? commit = null, params JobRecord[] jobs) => new(
        $"github|o/r|{n}|1", "github", "o/r", n.ToString(System.Globalization.CultureInfo.InvariantCulture), 1, "ci", branch, commit ?? $"c{n}", "push",
        At(n), null, At(n), At(n), jobs.Length > 0 ? jobs : [Job("build", "passed")]);

    public static JobRecord Job(string name, string status, string? signature = null, TestRecord[]? tests = null, string? log = null) => new(
        name, status, null, null, 12.5, "runner-1", status == "failed" ? "test" : null, status == "failed" ? 1 : null,
        status == "failed" ? "code" : "unknown", status == "failed" ? "test.failure" : null, status == "failed" ? "FAILED x" : null,
        status == "failed" ? signature ?? "test.failure: FAILED x" : null,
        [new StepRecord(0, "checkout", "passed", 0, null, null), new StepRecord(1, "test", status, status == "failed" ? 1 : 0, null, null)],
        tests ?? [], log is null ? null : Log(name + ".log", log));

    public static StoredLog Log(string name, string text)
    {
        using var dir = new TempDir();
        return LogCompressor.Compress(Core.Logs.LogSource.FromFile(dir.Write(name, text), name));
    }

    public static string At(int n) => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(n).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
