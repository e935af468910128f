namespace CiDoctor.Core.Model;

/// <summary>A line where a failure mode's signal matched.</summary>
/// <param name="ModeId">The matching mode.</param>
/// <param name="Line">1-based line number.</param>
/// <param name="Text">The cleaned line (cut to <see cref="MaxText"/>).</param>
/// <param name="Step">Index of the step the line belongs to, -1 if none.</param>
/// <param name="Captures">Named regex groups that matched, by name.</param>
public sealed record Finding(string ModeId, long Line, string Text, int Step, IReadOnlyDictionary<string, string> Captures)
{
    /// <summary>True when a passing log of the same job (the baseline) has the same line.</summary>
    public bool Familiar { get; init; }

    /// <summary>Characters of a line kept for evidence (DESIGN.md: text is cut at 2,000 characters).</summary>
    public const int MaxText = 2000;

    /// <summary>Cuts a line to <see cref="MaxText"/> characters with a trailing ellipsis.</summary>
    public static string Cut(string text)
    {
        if (text.Length <= MaxText)
        {
            return text;
        }
        int keep = MaxText - 1;
        // Never split a surrogate pair: half a character is not valid text.
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }
        return string.Concat(text.AsSpan(0, keep), "…");
    }
}
