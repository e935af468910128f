using System.Security.Cryptography;
using CiDoctor.Core.Model;

namespace CiDoctor.History.Recording;

/// <summary>
/// A run's identity in the store (DESIGN.md "History"): <c>provider|repository|runId|attempt</c>
/// when run.json names the run, else <c>sha256:…</c> of its job names and log bytes, so the same
/// logs added twice are the same run.
/// </summary>
public static class RunKey
{
    /// <summary>The key of a run that run.json names, or null when it has no run id.</summary>
    public static string? Of(RunInfo run) =>
        run.RunId is null ? null : $"{run.Provider ?? ""}|{run.Repository ?? ""}|{run.RunId}|{run.Attempt ?? 1}";

    /// <summary>The content key from a hash fed with every job's name and log bytes, in job order.</summary>
    public static string OfContent(IncrementalHash sha256) => "sha256:" + Convert.ToHexStringLower(sha256.GetHashAndReset());
}
