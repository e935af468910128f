namespace CiDoctor.Testing.Conventions;

/// <summary>
/// The project graph against docs/ARCHITECTURE.md: each check returns one line per problem,
/// naming the offending reference and what is allowed instead (empty when all is well).
/// </summary>
public static class ProjectGraph
{
    /// <summary>Each <c>src</c> project references exactly the projects and packages of its row.</summary>
    public static IReadOnlyList<string> SourceProjectProblems(IReadOnlyList<ProjectRow> rows, IReadOnlyList<ProjectFile> projects)
    {
        var problems = new List<string>();
        var existing = projects.Select(p => ArchitectureTable.ShortName(p.Folder)).ToHashSet(StringComparer.Ordinal);
        foreach (var project in projects)
        {
            string name = ArchitectureTable.ShortName(project.Folder);
            var row = rows.FirstOrDefault(r => r.Name == name);
            if (row is null)
            {
                problems.Add($"{project.Path}: no row in the Projects table of docs/ARCHITECTURE.md; add one with what DESIGN.md lets it depend on");
                continue;
            }
            string allows = $"CiDoctor.{name} may depend on: {string.Join(", ", row.MayDependOn)}";
            var referenced = project.ProjectReferences.Select(p => ArchitectureTable.ShortName(Path.GetDirectoryName(p)!)).ToList();
            var listed = row.ProjectReferences.Where(existing.Contains).ToList();
            problems.AddRange(referenced.Except(listed, StringComparer.Ordinal).Select(p =>
                $"{project.Path} references project CiDoctor.{p}, which its row of docs/ARCHITECTURE.md does not list ({allows})"));
            problems.AddRange(listed.Except(referenced, StringComparer.Ordinal).Select(p =>
                $"docs/ARCHITECTURE.md lists project {p} for CiDoctor.{name}, but {project.Path} does not reference it; remove it from the row or add the reference"));
            var packages = project.PackageReferences.Concat(project.FrameworkReferences).ToList();
            var listedPackages = row.Packages.Select(p => p.Id).ToList();
            problems.AddRange(packages.Except(listedPackages, StringComparer.Ordinal).Select(p =>
                $"{project.Path} references package {p}, which its row of docs/ARCHITECTURE.md does not list ({allows})"));
            problems.AddRange(listedPackages.Except(packages, StringComparer.Ordinal).Select(p =>
                $"docs/ARCHITECTURE.md lists package {p} for CiDoctor.{name}, but {project.Path} does not reference it; remove it from the row or add the reference"));
        }
        return problems;
    }

    /// <summary>Each row's references follow from its "may depend on" words by the rules of docs/ARCHITECTURE.md.</summary>
    public static IReadOnlyList<string> RuleProblems(IReadOnlyList<ProjectRow> rows)
    {
        var problems = new List<string>();
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var (projects, packages) = Allowed(rows, i);
            string where = $"docs/ARCHITECTURE.md, row CiDoctor.{row.Name} (may depend on: {string.Join(", ", row.MayDependOn)})";
            problems.AddRange(row.ProjectReferences.Where(p => !projects.Contains(p)).Select(p => $"{where}: project {p} is not allowed"));
            foreach (var package in row.Packages)
            {
                string? problem = package.Kind switch
                {
                    "library" or "framework" when !packages.Contains(package.Id) => $"package {package.Id} is not allowed",
                    "pin" when !packages.Contains(package.PinOf!) => $"package {package.Id} pins {package.PinOf}, which is not allowed",
                    "pin" when !row.Packages.Any(p => p.Id == package.PinOf && p.Kind == "library") => $"package {package.Id} pins {package.PinOf}, which the row does not reference",
                    _ => null,
                };
                if (problem is not null)
                {
                    problems.Add($"{where}: {problem}");
                }
            }
        }
        return problems;
    }

    /// <summary>The projects and package ids that row <paramref name="index"/>'s "may depend on" allows.</summary>
    public static (HashSet<string> Projects, HashSet<string> Packages) Allowed(IReadOnlyList<ProjectRow> rows, int index)
    {
        var projects = new HashSet<string>(StringComparer.Ordinal);
        var packages = new HashSet<string>(StringComparer.Ordinal);
        foreach (string word in rows[index].MayDependOn)
        {
            if (word == "all above")
            {
                projects.UnionWith(rows.Take(index).Select(r => r.Name));
            }
            else if (rows.Any(r => r.Name == word))
            {
                projects.Add(word);
            }
            else if (word != "BCL")
            {
                packages.Add(ArchitectureTable.PackageOfName.GetValueOrDefault(word, word));
            }
        }
        return (projects, packages);
    }

    /// <summary>A test project reaches a host (directly or through another project) only when it is that host's own test project.</summary>
    public static IReadOnlyList<string> HostProblems(IReadOnlyList<ProjectFile> all)
    {
        var byPath = all.ToDictionary(p => p.Path, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var test in all.Where(p => p.Path.StartsWith("tests/", StringComparison.Ordinal)))
        {
            // Breadth first, remembering how each project was reached, so the message shows the path.
            var via = new Dictionary<string, string?>(StringComparer.Ordinal) { [test.Path] = null };
            var queue = new Queue<string>([test.Path]);
            while (queue.TryDequeue(out var current))
            {
                foreach (string next in byPath.TryGetValue(current, out var p) ? p.ProjectReferences : [])
                {
                    if (via.TryAdd(next, current))
                    {
                        queue.Enqueue(next);
                    }
                }
            }
            foreach (var host in via.Keys.Where(k => byPath.TryGetValue(k, out var p) && p.Role == "host"))
            {
                var hostFile = byPath[host];
                if (test.Folder == hostFile.Folder + ".Tests")
                {
                    continue;
                }
                var chain = new List<string>();
                for (string? at = host; at is not null; at = via[at])
                {
                    chain.Insert(0, at);
                }
                problems.Add($"{test.Path} references the host {hostFile.Folder} ({string.Join(" → ", chain)}); only tests/{hostFile.Folder}.Tests may: move the tests that drive it there");
            }
        }
        return problems;
    }
}
