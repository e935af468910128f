namespace CiDoctor.Core.Evaluation;

/// <summary>
/// What one cause-labelled case says about confidence: the confidence CiDoctor gave its root
/// cause (null when it named none), and whether the kind and the origin were right (null when
/// the truth does not label them).
/// </summary>
public sealed record CalibrationPoint(double? Confidence, bool? KindRight, bool? OriginRight);

/// <summary>One confidence band of a reliability table: cases whose confidence is in [From, To).</summary>
/// <param name="MeanConfidence">Mean confidence of the band's cases; null for the "no root cause" row.</param>
/// <param name="KindAccuracy">Share of the band's kind-labelled cases whose kind was right; null when none is labelled.</param>
/// <param name="OriginAccuracy">Share of the band's origin-labelled cases whose origin was right; null when none is labelled.</param>
public sealed record ReliabilityBand(string Label, int Cases, double? MeanConfidence, double? KindAccuracy, double? OriginAccuracy);

/// <summary>
/// The reliability of a set's confidences: accuracy of kind and origin per confidence band, the
/// expected calibration error, and how often a wrong cause came with a high confidence.
/// </summary>
/// <param name="Ece">
/// Expected calibration error of the kind over cases with a root cause:
/// Σ over bands of (cases in band / cases) × |kind accuracy − mean confidence|. 0 is perfect.
/// </param>
/// <param name="ConfidentWrong">
/// Share of all kind-labelled cases whose root cause had confidence ≥ <see cref="Calibration.High"/>
/// and the wrong kind: the worst outcome a user can get (a confident wrong answer).
/// </param>
public sealed record Reliability(string Set, IReadOnlyList<ReliabilityBand> Bands, double? Ece, double? ConfidentWrong, int Cases);

/// <summary>Builds reliability tables from calibration points.</summary>
public static class Calibration
{
    /// <summary>The confidence from which an answer is a confident one.</summary>
    public const double High = 0.8;

    /// <summary>Band edges: [0, 0.2), [0.2, 0.4), [0.4, 0.6), [0.6, 0.8), [0.8, 1].</summary>
    private static readonly double[] Edges = [0.0, 0.2, 0.4, 0.6, 0.8, 1.0];

    /// <summary>The label of the row of cases without a root cause.</summary>
    public const string NoCause = "no root cause";

    public static Reliability Of(string set, IReadOnlyList<CalibrationPoint> points)
    {
        var bands = new List<ReliabilityBand>();
        double ece = 0;
        int withCause = points.Count(p => p.Confidence is not null && p.KindRight is not null);
        for (int b = 0; b < Edges.Length - 1; b++)
        {
            double from = Edges[b], to = Edges[b + 1];
            bool last = b == Edges.Length - 2;
            // The top band is closed so that a confidence of exactly 1 is counted.
            var inBand = points.Where(p => p.Confidence is double c && c >= from && (c < to || (last && c <= to))).ToList();
            var band = Band($"{from:0.0}–{to:0.0}", inBand);
            bands.Add(band);
            var labelled = inBand.Where(p => p.KindRight is not null).ToList();
            if (labelled.Count > 0 && withCause > 0)
            {
                double accuracy = labelled.Count(p => p.KindRight == true) / (double)labelled.Count;
                double confidence = labelled.Average(p => p.Confidence!.Value);
                ece += labelled.Count / (double)withCause * Math.Abs(accuracy - confidence);
            }
        }
        bands.Add(Band(NoCause, points.Where(p => p.Confidence is null).ToList()));
        int kindLabelled = points.Count(p => p.KindRight is not null);
        double? confidentWrong = kindLabelled == 0 ? null
            : points.Count(p => p.Confidence >= High && p.KindRight == false) / (double)kindLabelled;
        return new Reliability(set, bands, withCause == 0 ? null : ece, confidentWrong, points.Count);
    }

    private static ReliabilityBand Band(string label, List<CalibrationPoint> points)
    {
        var confidences = points.Where(p => p.Confidence is not null).Select(p => p.Confidence!.Value).ToList();
        return new ReliabilityBand(
            label,
            points.Count,
            confidences.Count == 0 ? null : confidences.Average(),
            Share(points.Select(p => p.KindRight)),
            Share(points.Select(p => p.OriginRight)));
    }

    private static double? Share(IEnumerable<bool?> values)
    {
        var labelled = values.OfType<bool>().ToList();
        return labelled.Count == 0 ? null : labelled.Count(v => v) / (double)labelled.Count;
    }
}
