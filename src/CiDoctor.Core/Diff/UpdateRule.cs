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
    // A removed pass line is a candidate for many fail lines nearby: mask, tokenize and score it once.
    private readonly Dictionary<string, (uint[] Tokens, int Score)> _pass = new(StringComparer.Ordinal);

    public bool IsUpdate(string failText, uint[] failTokens, string passText)
    {
        if (!_pass.TryGetValue(passText, out var pass))
        {
            _pass[passText] = pass = (TokenSequence.Of(LineMasker.Mask(passText)), LineScorer.Score(passText));
        }
        if (Math.Max(failTokens.Length, pass.Tokens.Length) == 0)
        {
            return false;
        }
        int max = TokenDistance.Budget(failTokens.Length, pass.Tokens.Length, similarity);
        if (TokenDistance.Bounded(failTokens, pass.Tokens, max) > max)
        {
            return false;
        }
        return LineScorer.Score(failText) <= pass.Score;
    }
}
