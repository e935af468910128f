using CiDoctor.Testing;

namespace CiDoctor.Cli.Tests.Eval;

/// <summary>
/// A theory that needs the shared evaluation data, its scorer and python3; skipped with the
/// reason shown in the test output when one is missing (xunit 2 has no runtime skip).
/// </summary>
public sealed class ScorePyTheoryAttribute : TheoryAttribute
{
    public ScorePyTheoryAttribute()
    {
        if (Repo.EvalDev is null || Repo.EvalScorer is null)
        {
            Skip = "needs ../shared/eval/dev and ../shared/eval/score.py next to the repository";
        }
        else if (Python is null)
        {
            Skip = "needs python3 on PATH to run ../shared/eval/score.py";
        }
    }

    /// <summary>The python3 executable on PATH, or null.</summary>
    public static string? Python { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? "python3.exe" : "python3"))
        .FirstOrDefault(File.Exists);
}
