using System.Security.Cryptography;
using System.Text;
using CiDoctor.Core;
using CiDoctor.Core.Model;
using CiDoctor.Core.Sources;
using CiDoctor.History.Records;

namespace CiDoctor.History.Recording;

/// <summary>
/// Turns a diagnosed run into the record the store keeps: run metadata, each job's outcome,
/// steps, diagnosis and failure signature, its JUnit test results, and its log masked and
/// compressed (passing logs are the baselines of later diagnoses; failed ones let re-scan
/// re-diagnose). Problems with a test report are warnings: the run is still recorded.
/// </summary>
public sealed class RunRecorder(TimeProvider time, Action<string> warn)
{
    public RunRecord Record(RunInput input, RunReport report)
    {
        if (report.Jobs.Count != input.Jobs.Count)
        {
            throw new InvalidOperationException("the report's jobs must be the input's, in order");
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var jobs = new List<JobRecord>(input.Jobs.Count);
        for (int i = 0; i < input.Jobs.Count; i++)
        {
            var job = input.Jobs[i];
            hash.AppendData(Encoding.UTF8.GetBytes(job.Name + "\0"));
            var log = job.Log is null ? null : LogCompressor.Compress(job.Log, hash);
            jobs.Add(Job(UniqueName(names, job.Name), report.Jobs[i], job, log, Folder(input)));
        }
        var run = report.Run;
        string recordedAt = Iso(time.GetUtcNow());
        string? startedAt = IsoTime.Parse(run.StartedAt) is { } s ? Iso(s) : null;
        return new RunRecord(
            RunKey.Of(run) ?? RunKey.OfContent(hash),
            run.Provider, run.Repository ?? "", run.RunId, run.Attempt ?? 1, run.Workflow ?? "", run.Branch, run.Commit, run.Event,
            run.StartedAt, run.Url, startedAt ?? recordedAt, recordedAt, jobs);
    }

    private JobRecord Job(string name, JobDiagnosis d, JobInput input, StoredLog? log, string? folder)
    {
        var (firstCause, signature) = FailureSignature.Of(d);
        var steps = d.Facts.Steps.Select((s, i) => new StepRecord(i, s.Name, Names.Of(s.Status), s.ExitCode, s.StartedAt, s.CompletedAt)).ToList();
        return new JobRecord(
            name, Names.Of(d.Status), d.Facts.StartedAt ?? input.Meta?.StartedAt, d.Facts.CompletedAt ?? input.Meta?.CompletedAt,
            d.Facts.DurationSeconds, d.Facts.RunnerName, d.FailedStep, d.ExitCode, Names.Of(d.Origin),
            d.RootCause?.Id, firstCause, signature,
            steps, Tests(input, folder), log);
    }

    private List<TestRecord> Tests(JobInput job, string? folder)
    {
        var all = new List<TestRecord>();
        foreach (string report in job.Meta?.Junit ?? [])
        {
            string? rel = SourceReader.SafeRelativePath(report);
            string? path = rel is null || folder is null ? null : Path.Combine(folder, rel);
            if (path is null || !File.Exists(path))
            {
                warn($"job '{job.Name}': JUnit report '{report}' is not a file inside the run folder; its tests are not recorded");
                continue;
            }
            try
            {
                all.AddRange(JUnitReader.Read(path));
            }
            catch (CiDoctorException e)
            {
                warn($"job '{job.Name}': {e.Message}; its tests are not recorded");
            }
        }
        return [.. JUnitReader.Merge(all)];
    }

    // JUnit paths are relative to the run folder (run.json's folder).
    private static string? Folder(RunInput input) =>
        input.Sources.Count == 1 && Directory.Exists(input.Sources[0]) ? input.Sources[0] : null;

    // Two jobs of one run with one name (a bare folder cannot have them; run.json can) stay apart.
    private static string UniqueName(Dictionary<string, int> seen, string name)
    {
        int n = seen.TryGetValue(name, out int k) ? k + 1 : 1;
        seen[name] = n;
        return n == 1 ? name : $"{name} #{n}";
    }

    private static string Iso(DateTimeOffset t) => IsoTime.Format(t);
}
