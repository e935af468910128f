using CiDoctor.Core.Matching;

namespace CiDoctor.History.Recording;

/// <summary>
/// A failure signature (DESIGN.md "History"): the root-cause mode id (<c>unknown</c> when no
/// mode matched) plus the masked text of the first cause line, so the same failure on another
/// run, commit or runner has the same signature:
/// <c>resource.disk-full: error: writing /tmp/# failed after #.#s</c>.
/// </summary>
public static class FailureSignature
{
    /// <summary>Characters of the masked line kept: enough to tell failures apart, bounded for the index.</summary>
    public const int MaxLineChars = 300;

    public static string Of(string? modeId, string? firstCauseLine)
    {
        string masked = firstCauseLine is null ? "" : LineMasker.Mask(firstCauseLine);
        if (masked.Length > MaxLineChars)
        {
            masked = masked[..MaxLineChars];
        }
        return $"{modeId ?? "unknown"}: {masked}";
    }
}
