using System.Text.Json;
using System.Text.Json.Serialization;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;
using CiDoctor.Core.Secrets;

namespace CiDoctor.Core.Sources;

/// <summary>Reads a run folder with a run.json (schema in DESIGN.md "run.json").</summary>
public static class RunJsonReader
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public static RunInput Read(string folder)
    {
        string path = Path.Combine(folder, "run.json");
        RunDto? dto;
        try
        {
            using var stream = File.OpenRead(path);
            dto = JsonSerializer.Deserialize<RunDto>(stream, Json);
        }
        catch (JsonException e)
        {
            throw new CiDoctorException($"{path}:{(e.LineNumber ?? 0) + 1}: invalid run.json: {e.Message.Split('.')[0]}; see DESIGN.md for the schema");
        }
        if (dto?.Jobs is null || dto.Jobs.Count == 0)
        {
            throw new CiDoctorException($"{path}: run.json has no jobs; each job needs at least a name and a status");
        }
        var jobs = new List<JobInput>();
        for (int i = 0; i < dto.Jobs.Count; i++)
        {
            jobs.Add(ReadJob(folder, path, i, dto.Jobs[i]));
        }
        var run = new RunInfo(dto.Provider, dto.Repository, dto.RunId, dto.Workflow, dto.Branch, dto.Commit, dto.Event, dto.StartedAt,
            dto.Url is null ? null : SecretMasker.MaskText(dto.Url))
        {
            Notes = dto.Notes ?? [],
            Attempt = dto.Attempt,
        };
        return new RunInput([folder], run, jobs);
    }

    private static JobInput ReadJob(string folder, string path, int index, JobDto job)
    {
        if (string.IsNullOrWhiteSpace(job.Name))
        {
            throw new CiDoctorException($"{path}: jobs[{index}] has no name; every job needs a name and a status");
        }
        if (job.Status is null || !Names.TryParseStatus(job.Status, out var status))
        {
            throw new CiDoctorException($"{path}: job '{job.Name}' has status '{job.Status}'; use failed, passed, cancelled, skipped or unknown");
        }
        LogSource? log = null;
        if (job.Log is not null)
        {
            string rel = SourceReader.SafeRelativePath(job.Log)
                ?? throw new CiDoctorException($"{path}: job '{job.Name}' log '{job.Log}' leaves the run folder; paths must be relative and inside it");
            string full = Path.Combine(folder, rel);
            if (!File.Exists(full))
            {
                throw new CiDoctorException($"{path}: job '{job.Name}' names log '{job.Log}', which does not exist in {folder}");
            }
            log = LogSource.FromFile(full, rel);
        }
        var meta = new RunJob
        {
            Id = job.Id,
            Name = job.Name,
            Status = status,
            StartedAt = job.StartedAt,
            CompletedAt = job.CompletedAt,
            DurationSeconds = job.DurationSeconds,
            RunnerName = job.RunnerName,
            Log = job.Log,
            Junit = job.Junit ?? [],
            Needs = job.Needs ?? [],
            Steps = (job.Steps ?? []).Select(s => new RunStep(s.Name ?? "", Names.TryParseStatus(s.Status ?? "", out var st) ? st : RunStatus.Unknown,
                s.ExitCode, s.StartedAt, s.CompletedAt)).ToArray(),
            Annotations = (job.Annotations ?? []).Select(a => new Annotation(a.Level ?? "notice", SecretMasker.MaskText(a.Message ?? ""))).ToArray(),
        };
        return new JobInput(job.Name, job.Log, log, meta);
    }

    private sealed record RunDto(string? Provider, string? Repository, string? RunId, int? Attempt, string? Workflow, string? Branch,
        string? Commit, string? Event, string? StartedAt, string? Url, List<JobDto>? Jobs, List<string>? Notes = null);

    private sealed record JobDto(string? Id, string? Name, string? Status, string? StartedAt, string? CompletedAt, double? DurationSeconds,
        string? RunnerName, string? Log, List<string>? Junit, List<string>? Needs, List<StepDto>? Steps, List<AnnotationDto>? Annotations);

    private sealed record StepDto(string? Name, string? Status, int? ExitCode, string? StartedAt, string? CompletedAt);

    private sealed record AnnotationDto(string? Level, string? Message);
}
