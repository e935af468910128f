using CiDoctor.Core.Model;

namespace CiDoctor.Core.Matching;

/// <summary>Something that watches every line of a scan (structural trackers such as Nix cascades).</summary>
public interface ILineObserver
{
    void Observe(in LogLine line);
}
