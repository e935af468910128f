using CiDoctor.Core.Sources;

namespace CiDoctor.Core.Pipeline;

/// <summary>A run read from one source, holding what its logs need until it is disposed (a temporary folder or file).</summary>
public sealed class SourceRun : IDisposable
{
    private Action? _release;

    /// <param name="release">Removes what the source made for this run; called once, on dispose.</param>
    public SourceRun(RunInput input, Action? release = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        Input = input;
        _release = release;
    }

    public RunInput Input { get; }

    public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
}
