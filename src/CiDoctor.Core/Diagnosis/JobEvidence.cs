using CiDoctor.Core.Matching;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Diagnosis;

/// <summary>Everything known about one job before diagnosis: its log's facts and scan, and run.json's view of it.</summary>
/// <param name="Name">The job's name.</param>
/// <param name="Id">The provider's job id, if known.</param>
/// <param name="File">The log file, relative to the source, if the job has a log.</param>
/// <param name="Meta">What run.json says of the job, if anything.</param>
/// <param name="Log">The reader's facts, when there is a log.</param>
/// <param name="Scan">The scan of the log, when there is a log.</param>
/// <param name="Cascades">Nix derivations that failed only because of a dependency.</param>
/// <param name="AnnotationFindings">Findings on the job's annotations (line 0).</param>
internal sealed record JobEvidence(
    string Name,
    string? Id,
    string? File,
    RunJob? Meta,
    JobLog? Log,
    ScanResult? Scan,
    IReadOnlyList<Cascade> Cascades,
    IReadOnlyDictionary<string, IReadOnlyList<Finding>> AnnotationFindings);
