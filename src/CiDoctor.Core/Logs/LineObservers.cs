using CiDoctor.Core.Model;

namespace CiDoctor.Core.Logs;

/// <summary>
/// Several observers composed once into the one a read pushes to: each line goes to each of them,
/// in the order given; a quiet run shows the decoded lines the most demanding of them needs.
/// </summary>
internal sealed class LineObservers : ILineObserver
{
    private readonly ILineObserver[] _observers;

    public LineObservers(params ILineObserver[] observers)
    {
        _observers = observers;
        Markers = observers.SelectMany(o => o.Markers).ToArray();
        QuietLead = observers.Select(o => o.QuietLead).DefaultIfEmpty(0).Max();
        QuietTrail = observers.Select(o => o.QuietTrail).DefaultIfEmpty(0).Max();
    }

    public IReadOnlyList<(string Literal, bool IgnoreCase)> Markers { get; }

    public int QuietLead { get; }

    public int QuietTrail { get; }

    public void Line(in LogLine line, int[] matches)
    {
        foreach (var observer in _observers)
        {
            observer.Line(line, matches);
        }
    }

    public void Quiet(in QuietRun run)
    {
        foreach (var observer in _observers)
        {
            observer.Quiet(run);
        }
    }
}
