namespace CiDoctor.Core.Pipeline;

/// <summary>
/// Turns what a user named (a run URL, a webhook's payload id, …) into a run to diagnose. The
/// pipeline asks its sources in order and reads what none accepts as a file, folder, zip or
/// <c>-</c> (stdin) itself; CiDoctor.Providers registers the one for run URLs.
/// </summary>
public interface IRunSource
{
    /// <summary>True when this source reads <paramref name="source"/> (e.g. it looks like a run URL).</summary>
    bool Accepts(string source);

    /// <summary>
    /// Reads the run. Whatever must outlive the call (a downloaded run's temporary folder) is
    /// released when the returned run is disposed, not before: logs may be read again after the
    /// diagnosis (excerpts, history recording). Bad input is a <see cref="CiDoctorException"/>.
    /// </summary>
    SourceRun Open(string source, SourceOptions options);
}
