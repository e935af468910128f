using System.Text;
using CiDoctor.Core;

namespace CiDoctor.Cli;

/// <summary>
/// Writes a command's output to stdout or to <c>--out FILE</c>. A file is written under a
/// temporary name in the same folder and renamed, so a failure never leaves half a file and the
/// previous content survives until the new one is complete.
/// </summary>
public static class OutputWriter
{
    public static void Write(string? path, TextWriter stdout, Action<TextWriter> render)
    {
        if (path is null)
        {
            render(stdout);
            stdout.Flush();
            return;
        }
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new CiDoctorException("--out needs a file name; pass --out FILE, or leave it out to print to stdout");
        }
        string full = Path.GetFullPath(path);
        string? folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
        {
            throw new CiDoctorException($"--out {path}: the folder {folder} does not exist; create it first");
        }
        if (Directory.Exists(full))
        {
            throw new CiDoctorException($"--out {path}: is a folder; name a file");
        }
        string temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false)))
            {
                render(writer);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
