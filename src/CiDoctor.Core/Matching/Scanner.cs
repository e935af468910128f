using CiDoctor.Core.Model;

namespace CiDoctor.Core.Matching;

/// <summary>
/// Scans logs with the compiled catalog: findings of every mode (with their context and
/// factors), scored candidate lines and step tails for evidence when no mode matches. Only
/// bounded windows of lines are kept (see <see cref="ScannerOptions"/>). A log being read is
/// scanned by the observer <see cref="Start"/> gives, which its read pushes lines to:
/// <code>
/// var scan = scanner.Start();
/// session.Read(compiled, scan, options.Reading);   // or with other observers: new LineObservers(scan, nix)
/// var result = scan.Result();
/// </code>
/// </summary>
public sealed class Scanner(CompiledCatalog catalog, ScannerOptions? options = null, BaselineSet? baseline = null)
{
    private readonly ScannerOptions _options = options ?? new ScannerOptions();

    /// <summary>A new scan, to observe one read of a log whose matcher is this scanner's compiled catalog.</summary>
    public ScanObserver Start() => new(catalog, _options, baseline);

    /// <summary>Scans lines already read (annotations, examples, tests).</summary>
    public ScanResult Scan(IEnumerable<LogLine> lines)
    {
        var scan = Start();
        foreach (var line in lines)
        {
            scan.Line(line);
        }
        return scan.Result();
    }
}
