using System.Runtime.CompilerServices;
using Xunit;

namespace CiDoctor.Testing;

/// <summary>
/// Golden files: compares text with a checked-in file under <c>Snapshots/</c> next to the test
/// source, or rewrites the file when <c>CIDOCTOR_ACCEPT=1</c> (then review the diff and commit).
/// </summary>
public static class Golden
{
    public static void Verify(string name, string actual, [CallerFilePath] string testFile = "")
    {
        string folder = Path.Combine(ProjectFolder(testFile), "Snapshots");
        string path = Path.Combine(folder, name);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("CIDOCTOR_ACCEPT") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"no golden file {path}; run the tests with CIDOCTOR_ACCEPT=1 to create it, then review it");
        string expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected == actual)
        {
            return;
        }
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        int i = 0;
        while (i < e.Length && i < a.Length && e[i] == a[i])
        {
            i++;
        }
        string exp = i < e.Length ? e[i] : "<end of file>";
        string act = i < a.Length ? a[i] : "<end of file>";
        Assert.Fail($"{name} differs from its golden file at line {i + 1}:\n  expected: {exp}\n  actual:   {act}\n(CIDOCTOR_ACCEPT=1 rewrites golden files)");
    }

    // The test project's folder: the nearest parent of the test source that holds a .csproj.
    private static string ProjectFolder(string testFile)
    {
        var dir = Path.GetDirectoryName(testFile);
        while (dir is not null && !Directory.EnumerateFiles(dir, "*.csproj").Any())
        {
            dir = Path.GetDirectoryName(dir);
        }
        return dir ?? throw new InvalidOperationException("test project folder not found from " + testFile);
    }
}
