using CiDoctor.Core.Evaluation;

namespace CiDoctor.Core.Tests.Evaluation;

/// <summary>The reliability table and its two figures, on hand-made points whose answers are worked out by hand.</summary>
public sealed class CalibrationTests
{
    [Fact]
    public void Of_PointsInBands_AccuracyPerBandAndEce()
    {
        // 0.9 band: 4 cases, 3 right kinds, mean confidence 0.9 → |0.75 − 0.9| = 0.15.
        // 0.5 band: 2 cases, 1 right, mean 0.5 → |0.5 − 0.5| = 0. Two without a cause.
        CalibrationPoint[] points =
        [
            new(0.9, true, true), new(0.9, true, false), new(0.9, true, true), new(0.9, false, true),
            new(0.5, true, true), new(0.5, false, false),
            new(null, false, false), new(null, false, true),
        ];

        var r = Calibration.Of("issues", points);

        var top = r.Bands.Single(b => b.Label == "0.8–1.0");
        Assert.Equal(4, top.Cases);
        Assert.Equal(0.75, top.KindAccuracy);
        Assert.Equal(0.75, top.OriginAccuracy);
        Assert.Equal(0.9, top.MeanConfidence!.Value, 6);
        var mid = r.Bands.Single(b => b.Label == "0.4–0.6");
        Assert.Equal(2, mid.Cases);
        Assert.Equal(0.5, mid.KindAccuracy);
        var none = r.Bands.Single(b => b.Label == Calibration.NoCause);
        Assert.Equal(2, none.Cases);
        Assert.Null(none.MeanConfidence);
        Assert.Equal(0.5, none.OriginAccuracy);
        // ECE weights each band by its share of the 6 cases with a root cause: 4/6 × 0.15 + 2/6 × 0.
        Assert.Equal(4.0 / 6 * 0.15, r.Ece!.Value, 6);
        // One wrong kind at ≥ 0.8 among 8 kind-labelled cases.
        Assert.Equal(1.0 / 8, r.ConfidentWrong);
        Assert.Equal(8, r.Cases);
    }

    [Fact]
    public void Of_ConfidenceOfOne_CountsInTopBand()
    {
        var r = Calibration.Of("formats", [new(1.0, true, true), new(0.8, true, true)]);

        Assert.Equal(2, r.Bands.Single(b => b.Label == "0.8–1.0").Cases);
        Assert.Equal(0, r.Bands.Single(b => b.Label == "0.6–0.8").Cases);
    }

    [Fact]
    public void Of_NoRootCauseAnywhere_NoEceButConfidentWrongIsZero()
    {
        var r = Calibration.Of("issues", [new(null, false, false), new(null, false, null)]);

        Assert.Null(r.Ece);
        Assert.Equal(0, r.ConfidentWrong);
        Assert.All(r.Bands.Where(b => b.Label != Calibration.NoCause), b => Assert.Equal(0, b.Cases));
    }

    [Fact]
    public void Of_UnlabelledKind_NotCountedInAccuracyOrEce()
    {
        var r = Calibration.Of("issues", [new(0.9, null, true), new(0.9, true, true)]);

        var top = r.Bands.Single(b => b.Label == "0.8–1.0");
        Assert.Equal(2, top.Cases);
        Assert.Equal(1.0, top.KindAccuracy);
        Assert.Equal(0.1, r.Ece!.Value, 6);
    }
}
