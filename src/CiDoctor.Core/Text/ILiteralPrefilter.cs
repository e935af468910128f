namespace CiDoctor.Core.Text;

/// <summary>
/// Finds which of a fixed set of literals occur in a line. The scanner asks it first for every
/// line, so it must reject lines with none of them cheaply.
/// </summary>
public interface ILiteralPrefilter
{
    /// <summary>Adds to <paramref name="found"/> the index of every literal that occurs in the line (each at most once).</summary>
    void FindAll(ReadOnlySpan<char> line, List<int> found);
}
