using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CiDoctor.Testing.Conventions;

/// <summary>The checks every src project's test project runs on its compiled assembly (docs/ARCHITECTURE.md).</summary>
public static class LibraryConventions
{
    /// <summary>
    /// Assemblies <paramref name="assembly"/> references that row <paramref name="row"/> does not allow:
    /// only the BCL, its row's projects, the packages named in its "may depend on" and its own
    /// packages, and a shared framework its row lists. A pin or a transitive package is not allowed.
    /// </summary>
    public static IReadOnlyList<string> ReferenceProblems(Assembly assembly, string row)
    {
        var entry = ArchitectureTable.Row(row) ?? throw new InvalidOperationException($"no row {row} in docs/ARCHITECTURE.md");
        var allowed = new HashSet<string>(Framework("Microsoft.NETCore.App"), StringComparer.Ordinal);
        allowed.UnionWith(entry.ProjectReferences.Select(p => "CiDoctor." + p));
        allowed.UnionWith(entry.Packages.Where(p => p.Kind is "library" or "own").Select(p => p.Id));
        foreach (var framework in entry.Packages.Where(p => p.Kind == "framework"))
        {
            allowed.UnionWith(Framework(framework.Id));
        }
        string allows = $"CiDoctor.{row} may depend on: {string.Join(", ", entry.MayDependOn)}";
        return [.. AssemblyMetadata.References(assembly.Location).Where(r => !allowed.Contains(r)).Select(r =>
            $"{Path.GetFileName(assembly.Location)} references assembly {r}, which its row of docs/ARCHITECTURE.md does not allow ({allows}); reach it through a project the row lists, or change DESIGN.md first")];
    }

    /// <summary>Every method of <paramref name="assembly"/> that uses System.Console (DESIGN.md: no console inside a library call).</summary>
    public static IReadOnlyList<string> ConsoleUses(Assembly assembly) => AssemblyMetadata.Uses(assembly.Location, "System", "Console");

    /// <summary>Compares the public API of <paramref name="assembly"/> with <c>PublicApi.&lt;row&gt;.txt</c> beside the calling test.</summary>
    public static void VerifyPublicApi(Assembly assembly, string row, [CallerFilePath] string testFile = "") =>
        ApprovedFile.Verify($"PublicApi.{row}.txt", PublicApi.Listing(assembly),
            $"The public API of {assembly.GetName().Name}, listed from the compiled assembly by LibraryConventionsTests (docs/ARCHITECTURE.md).\n"
            + "A change fails the test; when it is meant, CIDOCTOR_ACCEPT=1 dotnet test rewrites this file: review its diff with the change.",
            testFile);

    // The assembly names of a shared framework of the running .NET (Microsoft.NETCore.App is the BCL).
    private static IEnumerable<string> Framework(string name)
    {
        string runtime = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar);
        string shared = Path.GetDirectoryName(Path.GetDirectoryName(runtime)!)!;
        string version = Path.GetFileName(runtime);
        string folder = Path.Combine(shared, name, version);
        if (!Directory.Exists(folder))
        {
            // Another framework's patch version may differ from the runtime's: take its newest of the same major version.
            folder = Directory.Exists(Path.Combine(shared, name))
                ? Directory.GetDirectories(Path.Combine(shared, name), version.Split('.')[0] + ".*").Order(StringComparer.Ordinal).LastOrDefault() ?? folder
                : folder;
        }
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.dll").Select(Path.GetFileNameWithoutExtension).OfType<string>() : [];
    }
}
