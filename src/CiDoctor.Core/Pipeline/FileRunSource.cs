using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;
using CiDoctor.Core.Sources;

namespace CiDoctor.Core.Pipeline;

/// <summary>
/// The source every pipeline has, asked last: a log file, a folder, a zip (<see cref="SourceReader"/>),
/// or <c>-</c> for stdin, copied to a temporary file first when the request needs its logs again.
/// </summary>
internal sealed class FileRunSource : IRunSource
{
    public static FileRunSource Instance { get; } = new();

    public bool Accepts(string source) => true;

    public SourceRun Open(string source, SourceOptions options)
    {
        if (source != "-" || !options.Reopenable)
        {
            return new SourceRun(SourceReader.Read(source, options.Stdin));
        }
        // Stdin can be read once: a request that reads its logs again reads this copy.
        string copy = Path.GetTempFileName();
        try
        {
            using (var file = File.Create(copy))
            using (var stdin = SourceReader.Stdin(options.Stdin)())
            {
                stdin.CopyTo(file);
            }
        }
        catch
        {
            File.Delete(copy);
            throw;
        }
        var job = new JobInput("-", "-", LogSource.FromFile(copy, "-"), null);
        return new SourceRun(new RunInput(["-"], new RunInfo(), [job]), () => DeleteQuietly(copy));
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary copy left behind is not worth failing the request for.
        }
    }
}
