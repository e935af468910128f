namespace CiDoctor.Testing;

/// <summary>Executables for tests that look tools up along PATH: a shell script in a folder of its own.</summary>
public static class FakeTool
{
    /// <summary>
    /// Writes an executable <c>/bin/sh</c> script named <paramref name="tool"/> into folder
    /// <paramref name="folder"/> of <paramref name="dir"/> (created) and returns the folder; by default it prints a git version.
    /// </summary>
    public static string Write(TempDir dir, string folder, string tool, string body = "echo \"git version 9.9.9\"")
    {
        string bin = Directory.CreateDirectory(dir.File(folder)).FullName;
        string file = Path.Combine(bin, tool);
        File.WriteAllText(file, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return bin;
    }
}
