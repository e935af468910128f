using System.Xml.Linq;

namespace CiDoctor.Testing.Conventions;

/// <summary>What a <c>.csproj</c> declares: its role and its project, package and framework references.</summary>
/// <param name="Path">Relative to the repository root, with forward slashes.</param>
/// <param name="ProjectReferences">The referenced projects' paths, relative to the repository root.</param>
/// <param name="FrameworkReferences">Shared frameworks beyond the BCL (Microsoft.AspNetCore.App).</param>
public sealed record ProjectFile(string Path, string? Role, IReadOnlyList<string> ProjectReferences, IReadOnlyList<string> PackageReferences, IReadOnlyList<string> FrameworkReferences)
{
    /// <summary>The project's folder name: <c>CiDoctor.Core</c>.</summary>
    public string Folder => System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(Path)!);

    /// <summary>Every <c>.csproj</c> under <paramref name="folder"/> (<c>src</c>, <c>tests</c>) of the repository, by path.</summary>
    public static IReadOnlyList<ProjectFile> Under(string folder) =>
        [.. Directory.EnumerateFiles(System.IO.Path.Combine(Repo.Root, folder), "*.csproj", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{System.IO.Path.DirectorySeparatorChar}bin{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(Read)
            .OrderBy(p => p.Path, StringComparer.Ordinal)];

    public static ProjectFile Read(string file)
    {
        var xml = XDocument.Load(file);
        string dir = System.IO.Path.GetDirectoryName(file)!;
        IEnumerable<string> Includes(string item) => xml.Descendants(item).Select(e => (string?)e.Attribute("Include")).OfType<string>();
        return new ProjectFile(
            Relative(file),
            xml.Descendants("CiDoctorRole").Select(e => e.Value.Trim()).FirstOrDefault(),
            [.. Includes("ProjectReference").Select(p => Relative(System.IO.Path.GetFullPath(System.IO.Path.Combine(dir, p))))],
            [.. Includes("PackageReference")],
            [.. Includes("FrameworkReference")]);
    }

    private static string Relative(string full) => System.IO.Path.GetRelativePath(Repo.Root, full).Replace('\\', '/');
}
