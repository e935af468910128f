using CiDoctor.Core.Logs;

namespace CiDoctor.Core.Matching;

/// <summary>
/// The masked lines of a passing log of the same job, as a set of 64-bit hashes (8 bytes a
/// distinct line, however long the log): a failing log's line absent from it is new.
/// </summary>
public sealed class BaselineSet
{
    private readonly HashSet<ulong> _hashes = [];

    public int Count => _hashes.Count;

    public bool Contains(string text) => _hashes.Contains(LineMasker.MaskedHash(text));

    /// <summary>Reads a passing log (any format) into a baseline.</summary>
    public static BaselineSet Read(LogSource source, string? ci = null)
    {
        var set = new BaselineSet();
        using var session = new LogReadSession(source, ci);
        foreach (var line in session.ReadLines())
        {
            if (line.Text.Length > 0)
            {
                set._hashes.Add(LineMasker.MaskedHash(line.Text));
            }
        }
        return set;
    }
}
