using CiDoctor.Core.Model;

namespace CiDoctor.Core.Matching;

/// <summary>Something that watches every line of a scan (structural trackers such as Nix cascades).</summary>
public interface ILineObserver
{
    /// <summary>Literals without which a line means nothing to this observer (it may then not see it).</summary>
    IReadOnlyList<string> Markers { get; }

    void Observe(in LogLine line);
}
