using System.Text.RegularExpressions;

namespace CiDoctor.Testing.Conventions;

/// <summary>One package of a row: its id and why the row may name it.</summary>
/// <param name="Kind"><c>library</c> (named in "may depend on"), <c>pin</c>, <c>own</c> or <c>framework</c> (docs/ARCHITECTURE.md says what each means).</param>
/// <param name="PinOf">For a pin, the allowed package that brings it in.</param>
public sealed record PackageEntry(string Id, string Kind, string? PinOf);

/// <summary>One project's row: what DESIGN.md lets it depend on, and the references that allows.</summary>
/// <param name="Name">The short name: <c>Core</c> for <c>src/CiDoctor.Core</c>.</param>
public sealed record ProjectRow(string Path, string Name, IReadOnlyList<string> MayDependOn, IReadOnlyList<string> ProjectReferences, IReadOnlyList<PackageEntry> Packages);

/// <summary>The "Projects" table of docs/ARCHITECTURE.md: the repository's copy of DESIGN.md's, with the references it allows.</summary>
public static partial class ArchitectureTable
{
    /// <summary>docs/ARCHITECTURE.md, the file the table is read from.</summary>
    public static string File => System.IO.Path.Combine(Repo.Root, "docs", "ARCHITECTURE.md");

    /// <summary>The rows in table order (the order "all above" refers to).</summary>
    public static IReadOnlyList<ProjectRow> Rows { get; } = Read(System.IO.File.ReadAllText(File));

    /// <summary>DESIGN.md's words for library names that are not the package's id.</summary>
    public static readonly IReadOnlyDictionary<string, string> PackageOfName = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Polly"] = "Polly.Core",
        ["ASP.NET Core"] = "Microsoft.AspNetCore.App",
    };

    /// <summary>The row of the project with short name <paramref name="name"/> (<c>Core</c>), or null.</summary>
    public static ProjectRow? Row(string name) => Rows.FirstOrDefault(r => r.Name == name);

    public static IReadOnlyList<ProjectRow> Read(string markdown)
    {
        var rows = MarkdownTable.Under(markdown, "## Projects");
        if (rows.Count == 0)
        {
            throw new InvalidOperationException("docs/ARCHITECTURE.md has no table under '## Projects'");
        }
        return [.. rows.Select(r =>
        {
            string path = r["project"].Trim('`');
            return new ProjectRow(path, ShortName(path), List(r["may depend on"]), List(r["project references"]), [.. List(r["package references"]).Select(Package)]);
        })];
    }

    /// <summary><c>src/CiDoctor.Core</c> → <c>Core</c>.</summary>
    public static string ShortName(string path) => System.IO.Path.GetFileName(path.TrimEnd('/')).Replace("CiDoctor.", "", StringComparison.Ordinal);

    /// <summary>A comma-separated cell as its items; an empty cell is none.</summary>
    public static IReadOnlyList<string> List(string cell) =>
        [.. cell.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(i => i is not ("" or "—" or "-"))];

    private static PackageEntry Package(string item)
    {
        var m = Marked().Match(item);
        if (!m.Success)
        {
            return new PackageEntry(item, "library", null);
        }
        string mark = m.Groups["mark"].Value;
        return mark.StartsWith("pin of ", StringComparison.Ordinal)
            ? new PackageEntry(m.Groups["id"].Value, "pin", mark["pin of ".Length..].Trim())
            : new PackageEntry(m.Groups["id"].Value, mark, null);
    }

    [GeneratedRegex(@"^(?<id>\S+)\s*\((?<mark>own|framework|pin of [^)]+)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex Marked();
}
