namespace CiDoctor.Core.Model;

/// <summary>
/// The names DESIGN.md fixes for enums in every output and input (JSON, YAML, CLI).
/// </summary>
public static class Names
{
    /// <summary>CI system names accepted by <c>--ci</c>, run.json and the catalog.</summary>
    public static readonly IReadOnlyList<string> CiSystems =
        ["github", "gitlab", "forgejo", "gitea", "jenkins", "buildkite", "drone", "travis", "nix", "plain"];

    /// <summary>The <c>kind</c> vocabulary.</summary>
    public static readonly IReadOnlyList<string> Kinds =
    [
        "disk-full", "oom", "tmpdir", "runner-lost", "timeout", "network", "rate-limit", "auth",
        "missing-tool", "stale-state", "artifact-collision", "cluster-formation", "vm-virtualization",
        "nix-build", "nix-hash-mismatch", "nix-store", "cache", "dependency-resolution", "compile-error",
        "test-failure", "flaky-test", "lint", "workflow-config", "other",
    ];

    public static string Of(Origin origin) => origin switch
    {
        Origin.Environment => "environment",
        Origin.Code => "code",
        Origin.Flaky => "flaky",
        Origin.Config => "config",
        Origin.Benign => "benign",
        _ => "unknown",
    };

    public static string Of(Severity severity) => severity.ToString().ToLowerInvariant();

    public static string Of(RunStatus status) => status.ToString().ToLowerInvariant();

    public static string Of(ActionWhen when) => when switch
    {
        ActionWhen.Immediate => "immediate",
        ActionWhen.ShortTerm => "short-term",
        _ => "long-term",
    };

    public static string Of(Effort effort) => effort.ToString().ToLowerInvariant();

    public static string Of(EvidenceRole role) => role == EvidenceRole.Cause ? "cause" : "context";

    public static string Of(EvidenceSource source) => source.ToString().ToLowerInvariant();

    public static bool TryParseOrigin(string text, out Origin origin)
    {
        origin = text switch
        {
            "environment" => Origin.Environment,
            "code" => Origin.Code,
            "flaky" => Origin.Flaky,
            "config" => Origin.Config,
            "benign" => Origin.Benign,
            "unknown" => Origin.Unknown,
            _ => (Origin)(-1),
        };
        return (int)origin >= 0;
    }

    public static bool TryParseSeverity(string text, out Severity severity) =>
        TryParseLower(text, out severity);

    public static bool TryParseStatus(string text, out RunStatus status)
    {
        if (text is "success" or "succeeded" or "pass") { status = RunStatus.Passed; return true; }
        if (text is "failure" or "fail" or "error" or "errored") { status = RunStatus.Failed; return true; }
        if (text is "canceled") { status = RunStatus.Cancelled; return true; }
        return TryParseLower(text, out status);
    }

    public static bool TryParseWhen(string text, out ActionWhen when)
    {
        when = text switch
        {
            "immediate" => ActionWhen.Immediate,
            "short-term" => ActionWhen.ShortTerm,
            "long-term" => ActionWhen.LongTerm,
            _ => (ActionWhen)(-1),
        };
        return (int)when >= 0;
    }

    public static bool TryParseEffort(string text, out Effort effort) => TryParseLower(text, out effort);

    // Accepts exactly the lower-case name that Of(...) prints ("high", "minutes", "failed").
    private static bool TryParseLower<T>(string text, out T value) where T : struct, Enum
    {
        foreach (T candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase) && !text.Any(char.IsAsciiLetterUpper))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}
