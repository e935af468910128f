using System.Text.Json;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Diagnosis;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;
using CiDoctor.Core.Sources;
using Xunit.Abstractions;

namespace CiDoctor.Core.Tests.Logs;

/// <summary>
/// Every real published log under <c>tests/corpus/real</c> whose <c>truth.json</c> gives an
/// <c>exit_code</c> or a <c>failed_step</c>, diagnosed as <c>cidoctor diagnose fail.log</c> does:
/// the job's exit code must be the labelled one, and its failed step must match the label as
/// <c>cidoctor eval</c> and score.py compare them (lower case, one containing the other).
/// </summary>
public sealed class RealCorpusTests(ITestOutputHelper output)
{
    private static readonly FailureCatalog Catalog = CatalogLoader.Load([]);

    /// <summary>
    /// Held-out cases the readers still get wrong, with the reason in one line. Only held-out
    /// cases (never tuned on) may be listed; each must still be a miss, so the list stays true.
    /// </summary>
    private static readonly Dictionary<string, string> KnownMisses = new(StringComparer.Ordinal)
    {
        ["holdout/formats/buildkite-windows-checkout-not-a-git-repository"] =
            "no step: the excerpt shows no Buildkite phase header (~~~/---/+++) the reader could start the labelled phase from",
    };

    private static string Root { get; } = Path.Combine(LogTestKit.CorpusRoot, "real");

    public static TheoryData<string> Cases() => new(CaseNames());

    /// <summary>The cases with a labelled exit code or failed step, as <c>tune/formats/name</c>, sorted.</summary>
    private static IEnumerable<string> CaseNames() =>
        Directory.EnumerateFiles(Root, "truth.json", SearchOption.AllDirectories)
            .Where(truth => Labels(truth) is not (null, null))
            .Select(truth => Path.GetRelativePath(Root, Path.GetDirectoryName(truth)!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void Cases_Corpus_HasLabelledCasesInBothHalves()
    {
        var cases = CaseNames().ToArray();

        Assert.Contains(cases, c => c.StartsWith("tune/", StringComparison.Ordinal));
        Assert.Contains(cases, c => c.StartsWith("holdout/", StringComparison.Ordinal));
        Assert.All(KnownMisses.Keys, c => Assert.StartsWith("holdout/", c, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diagnose_RealCase_ExitCodeAndFailedStepAsLabelled(string caseName)
    {
        var (exit, step) = Labels(Path.Combine(Root, caseName, "truth.json"));

        var job = Diagnose(Path.Combine(Root, caseName, "fail.log"));

        var misses = new List<string>();
        if (exit is not null && job.ExitCode != exit)
        {
            misses.Add($"exit code {Show(job.ExitCode)}, labelled {exit}");
        }
        if (step is not null && !SameStep(job.FailedStep, step))
        {
            misses.Add($"failed step {Show(job.FailedStep)}, labelled \"{step}\"");
        }
        if (KnownMisses.TryGetValue(caseName, out string? reason))
        {
            output.WriteLine($"known miss {caseName}: {reason} ({string.Join("; ", misses)})");
            Assert.True(misses.Count > 0, $"{caseName} is listed as a known miss but now reads right: remove it from the list");
            return;
        }
        Assert.True(misses.Count == 0, $"{caseName}: {string.Join("; ", misses)}");
    }

    /// <summary>As score.py: both lower case and trimmed, one containing the other, the found one not empty.</summary>
    private static bool SameStep(string? found, string labelled)
    {
        string got = (found ?? "").Trim().ToLowerInvariant();
        string want = labelled.Trim().ToLowerInvariant();
        return got.Length > 0 && (want.Contains(got, StringComparison.Ordinal) || got.Contains(want, StringComparison.Ordinal));
    }

    private static JobDiagnosis Diagnose(string path)
    {
        var log = LogSource.FromFile(path, "fail.log");
        var input = new RunInput(["fail.log"], new RunInfo(), [new JobInput("fail.log", "fail.log", log, null)]);
        return new RunDiagnoser(Catalog).Diagnose(input).Jobs[0];
    }

    private static (int? Exit, string? Step) Labels(string truthPath)
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(truthPath));
        var root = truth.RootElement;
        int? exit = root.TryGetProperty("exit_code", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : null;
        string? step = root.TryGetProperty("failed_step", out var s) && s.ValueKind == JsonValueKind.String && s.GetString()!.Trim().Length > 0 ? s.GetString() : null;
        return (exit, step);
    }

    private static string Show(object? value) => value is null ? "null" : $"\"{value}\"";
}
