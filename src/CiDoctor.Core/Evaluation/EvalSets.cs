namespace CiDoctor.Core.Evaluation;

/// <summary>
/// The sets a case belongs to, as the reference scorer classifies them: by truth.json's
/// <c>source</c> (<c>cidiff</c>, <c>logchunks</c>: line-labelled), else by the top folder
/// (<c>formats/</c>), else <c>issues</c> (cause-labelled).
/// </summary>
public static class EvalSets
{
    public const string CiDiff = "cidiff";
    public const string LogChunks = "logchunks";
    public const string Issues = "issues";
    public const string Formats = "formats";
    public const string All = "all";

    /// <summary>Every set, in the order reports show them.</summary>
    public static readonly IReadOnlyList<string> Names = [CiDiff, LogChunks, Issues, Formats];

    /// <summary>Values of <c>--set</c>.</summary>
    public static readonly IReadOnlyList<string> Choices = [CiDiff, LogChunks, Issues, Formats, All];

    /// <summary>True for sets labelled with line ranges (hit@k, p@10); false for cause-labelled ones.</summary>
    public static bool IsLineLabelled(string set) => set is CiDiff or LogChunks;

    /// <summary>The set of a case from its truth's <c>source</c> and its top folder under the root.</summary>
    public static string Classify(string source, string topFolder) => source switch
    {
        CiDiff => CiDiff,
        LogChunks => LogChunks,
        _ => topFolder == Formats ? Formats : Issues,
    };
}
