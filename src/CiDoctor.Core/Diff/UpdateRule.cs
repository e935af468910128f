using CiDoctor.Core.Matching;

namespace CiDoctor.Core.Diff;

/// <summary>
/// Decides whether a fail line absent from the pass log is a removed pass line, updated: their
/// masked token sequences are at least <see cref="LogDiffOptions.UpdateSimilarity"/> similar, and
/// the fail line does not look more like an error than the pass line did. The second rule keeps
/// <c>"FAIL  pkg/states  0.07s"</c> new although it differs from <c>"ok  pkg/states  0.07s"</c> in
/// one token: an update that introduces error vocabulary is exactly what a diff must show.
/// </summary>
internal sealed class UpdateRule(double similarity)
{
    public bool IsUpdate(string failText, uint[] failTokens, string passText)
    {
        var passTokens = TokenSequence.Of(LineMasker.Mask(passText));
        int longer = Math.Max(failTokens.Length, passTokens.Length);
        if (longer == 0)
        {
            return false;
        }
        int max = (int)Math.Floor((1 - similarity) * longer + 1e-9);
        if (TokenDistance.Bounded(failTokens, passTokens, max) > max)
        {
            return false;
        }
        return LineScorer.Score(failText) <= LineScorer.Score(passText);
    }
}
