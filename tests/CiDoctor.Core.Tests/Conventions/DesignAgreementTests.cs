using CiDoctor.Testing;
using CiDoctor.Testing.Conventions;

namespace CiDoctor.Core.Tests.Conventions;

/// <summary>docs/ARCHITECTURE.md's copy of the project table says what ../shared/DESIGN.md says.</summary>
public class DesignAgreementTests
{
    [DesignDocFact]
    public void ArchitectureTable_AgreesWithDesignMd()
    {
        var design = MarkdownTable.Under(File.ReadAllText(Repo.DesignDoc!), "## Projects")
            .Where(r => r.GetValueOrDefault("project", "").Trim('`').StartsWith("src/", StringComparison.Ordinal))
            .ToDictionary(r => r["project"].Trim('`'), StringComparer.Ordinal);
        Assert.NotEmpty(design);
        var problems = new List<string>();

        foreach (var row in ArchitectureTable.Rows)
        {
            if (!design.TryGetValue(row.Path, out var theirs))
            {
                problems.Add($"{row.Path} is in docs/ARCHITECTURE.md but not in DESIGN.md's table");
                continue;
            }
            var words = ArchitectureTable.List(theirs["may depend on"]);
            if (!words.SequenceEqual(row.MayDependOn, StringComparer.Ordinal))
            {
                problems.Add($"{row.Path}: DESIGN.md says it may depend on '{string.Join(", ", words)}', docs/ARCHITECTURE.md '{string.Join(", ", row.MayDependOn)}'");
            }
            // A project's own package is one DESIGN.md names in what the project holds.
            problems.AddRange(row.Packages.Where(p => p.Kind == "own" && !theirs["holds"].Contains(p.Id, StringComparison.Ordinal))
                .Select(p => $"{row.Path}: docs/ARCHITECTURE.md marks {p.Id} as its own, but DESIGN.md's holds column does not name it"));
        }
        problems.AddRange(design.Keys.Where(path => ArchitectureTable.Rows.All(r => r.Path != path))
            .Select(path => $"{path} is in DESIGN.md's table but not in docs/ARCHITECTURE.md"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

/// <summary>A fact that needs ../shared/DESIGN.md; skipped, with the reason shown, when it is absent (xunit 2 has no runtime skip).</summary>
public sealed class DesignDocFactAttribute : FactAttribute
{
    public DesignDocFactAttribute()
    {
        if (Repo.DesignDoc is null)
        {
            Skip = "needs ../shared/DESIGN.md next to the repository: docs/ARCHITECTURE.md's copy of the project table is checked against it";
        }
    }
}
