using System.Text.RegularExpressions;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Diagnosis;

/// <summary>
/// Follows Nix's own reports of which derivations failed: a builder failure
/// (<c>error: builder for '/nix/store/…-bws-1.0.0.drv' failed with exit code 101</c>) is a real
/// failure; a derivation that only failed because a dependency did
/// (<c>error: 1 dependencies of derivation '/nix/store/…-home-manager-path.drv' failed to build</c>,
/// or Hydra's <c>Cannot build '…drv'.</c> + <c>Reason: 1 dependency failed.</c>) is a cascade of the
/// most recent builder failure before it.
/// </summary>
public sealed partial class NixCascadeTracker : ILineObserver
{
    private const int MaxCascades = 500;
    private readonly List<Cascade> _cascades = [];
    private readonly List<string> _failedBuilders = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private string? _pendingCannotBuild;

    /// <summary>Derivations that failed only because of a dependency, in log order.</summary>
    public IReadOnlyList<Cascade> Cascades => _cascades;

    /// <summary>Store paths of derivations whose builder failed, in log order.</summary>
    public IReadOnlyList<string> FailedBuilders => _failedBuilders;

    public IReadOnlyList<(string Literal, bool IgnoreCase)> Markers { get; } = [(".drv", false), ("dependency failed", false)];

    public void Line(in LogLine line, int[] matches) => Observe(line);

    /// <summary>Follows one line of the log.</summary>
    public void Observe(in LogLine line)
    {
        string text = line.Text;
        if (!text.Contains(".drv", StringComparison.Ordinal) && !text.Contains("dependency failed", StringComparison.Ordinal))
        {
            return;
        }
        var builder = Builder().Match(text);
        if (builder.Success)
        {
            string path = builder.Groups["drv"].Value;
            if (!_failedBuilders.Contains(path))
            {
                _failedBuilders.Add(path);
            }
            return;
        }
        var dependency = Dependencies().Match(text);
        if (dependency.Success)
        {
            Add(dependency.Groups["drv"].Value);
            return;
        }
        var cannot = CannotBuild().Match(text);
        if (cannot.Success)
        {
            _pendingCannotBuild = cannot.Groups["drv"].Value;
            return;
        }
        if (_pendingCannotBuild is not null && text.Contains("dependency failed", StringComparison.Ordinal))
        {
            Add(_pendingCannotBuild);
            _pendingCannotBuild = null;
        }
    }

    private void Add(string path)
    {
        if (_cascades.Count >= MaxCascades || !_seen.Add(path))
        {
            return;
        }
        string causedBy = _failedBuilders.Count > 0 ? NameOf(_failedBuilders[^1]) : "unknown";
        _cascades.Add(new Cascade(NameOf(path), path, causedBy));
    }

    /// <summary><c>/nix/store/abc…-bws-1.0.0.drv</c> → <c>bws-1.0.0.drv</c>.</summary>
    public static string NameOf(string storePath)
    {
        string file = storePath[(storePath.LastIndexOf('/') + 1)..];
        int dash = file.IndexOf('-');
        return dash == 32 ? file[(dash + 1)..] : file;
    }

    [GeneratedRegex(@"builder for '(?<drv>/nix/store/[^']+\.drv)' failed", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Builder();

    [GeneratedRegex(@"dependencies of derivation '(?<drv>/nix/store/[^']+\.drv)' failed to build", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Dependencies();

    [GeneratedRegex(@"[Cc]annot build '(?<drv>/nix/store/[^']+\.drv)'", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CannotBuild();
}
