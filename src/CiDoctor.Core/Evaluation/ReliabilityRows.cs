namespace CiDoctor.Core.Evaluation;

/// <summary>The reliability table as cells, shared by the text and Markdown views so they show the same numbers.</summary>
internal static class ReliabilityRows
{
    public static readonly IReadOnlyList<string> Header = ["confidence", "cases", "mean confidence", "kind accuracy", "origin accuracy"];

    public static IEnumerable<IReadOnlyList<string>> Of(Reliability reliability) =>
        reliability.Bands.Select(b => (IReadOnlyList<string>)
        [
            b.Label,
            b.Cases.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Cell(b.MeanConfidence),
            Cell(b.KindAccuracy),
            Cell(b.OriginAccuracy),
        ]);

    /// <summary>The one-line summary under the table: ECE and confident wrong answers.</summary>
    public static string Summary(Reliability r) =>
        $"expected calibration error (kind, cases with a root cause): {Cell(r.Ece)}; " +
        $"wrong kind at confidence ≥ {Calibration.High:0.0}: {Cell(r.ConfidentWrong)} of cases";

    private static string Cell(double? value) => value is double v ? EvalTextRenderer.Format(v) : "-";
}
