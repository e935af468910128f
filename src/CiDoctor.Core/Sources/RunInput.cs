using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Sources;

/// <summary>A run to diagnose: what run.json says of it (if anything) and its jobs.</summary>
public sealed record RunInput(IReadOnlyList<string> Sources, RunInfo Run, IReadOnlyList<JobInput> Jobs);

/// <summary>One job: its log (if it has one) and run.json's view of it (if any).</summary>
/// <param name="Name">The job's name (from run.json, or the log's relative path).</param>
/// <param name="File">The log's path relative to the source folder or zip root, <c>-</c> for stdin.</param>
public sealed record JobInput(string Name, string? File, LogSource? Log, RunJob? Meta);
