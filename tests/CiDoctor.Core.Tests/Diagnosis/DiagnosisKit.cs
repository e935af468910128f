using System.Text;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Diagnosis;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Matching;
using CiDoctor.Core.Model;
using CiDoctor.Core.Sources;

namespace CiDoctor.Core.Tests.Diagnosis;

/// <summary>Diagnoses inline logs with the built-in catalog, for the ranking tests.</summary>
internal static class DiagnosisKit
{
    private static readonly FailureCatalog Catalog = CatalogLoader.Load([]);

    /// <summary>The diagnosis of one job whose log is <paramref name="lines"/> (joined with \n).</summary>
    public static JobDiagnosis Diagnose(string[] lines, string? ci = null, string[]? passing = null, DiagnosisOptions? options = null)
    {
        var log = Source("job.log", lines);
        var baseline = passing is null ? null : Source("pass.log", passing);
        var input = new RunInput(["job.log"], new RunInfo(), [new JobInput("job", "job.log", log, null)]);
        var run = new RunDiagnoserOptions(ci, baseline) { Diagnosis = options ?? new DiagnosisOptions() };
        return new RunDiagnoser(Catalog, run).Diagnose(input).Jobs[0];
    }

    /// <summary>
    /// The diagnosis of one job whose log is <paramref name="lines"/>, with the reader's facts
    /// changed by <paramref name="facts"/> (a failure class or closing line the readers will
    /// fill), and the diagnosis options given.
    /// </summary>
    public static JobDiagnosis DiagnoseWith(string[] lines, Func<JobLog, JobLog> facts, string? ci = null, DiagnosisOptions? options = null)
    {
        using var session = new LogReadSession(Source("job.log", lines), ci);
        var compiled = new CompiledCatalog(Catalog, session.Reader.Ci);
        var scanning = new Scanner(compiled).Start();
        session.Read(compiled, scanning);
        var job = new JobEvidence("job", null, "job.log", null, facts(session.Result), scanning.Result(), [], new Dictionary<string, IReadOnlyList<Finding>>());
        return new Diagnoser(Catalog, options).Diagnose(job);
    }

    /// <summary>Evidence line numbers in rank order, cause lines first.</summary>
    public static long[] EvidenceLines(JobDiagnosis job) => job.Evidence.Select(e => e.Line ?? 0).ToArray();

    /// <summary>The 1-based number of the first line containing <paramref name="text"/>.</summary>
    public static long LineOf(string[] lines, string text) => Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) + 1;

    private static LogSource Source(string name, string[] lines)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
        return new LogSource(name, name, () => new MemoryStream(bytes));
    }
}
