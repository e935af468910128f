namespace CiDoctor.Core.Logs;

/// <summary>
/// What a read asks of every parsed line before it pushes the line to its observers, as
/// ripgrep's searcher runs its matcher before its sink sees a match (the compiled catalog). It
/// runs on the reading thread: with two threads, matching there balances the reader's work with
/// the observers'.
/// </summary>
public interface ILineMatcher
{
    /// <summary>
    /// Literals without which a line matches nothing; null when some pattern has none (every line
    /// is then parsed and matched, none is skipped as quiet).
    /// </summary>
    IReadOnlyList<(string Literal, bool IgnoreCase)>? Literals { get; }

    /// <summary>
    /// What matches in a line's text, as indexes the matcher defines (empty for most lines).
    /// <paramref name="mayOccur"/>, when not null, holds the indexes into <see cref="Literals"/> of
    /// every literal of two ASCII characters or more that may occur in the text (the reader found
    /// them in its bytes); no other such literal does.
    /// </summary>
    int[] Match(string text, IReadOnlyList<int>? mayOccur);
}
