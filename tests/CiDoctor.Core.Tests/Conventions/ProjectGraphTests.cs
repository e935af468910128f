using CiDoctor.Testing.Conventions;

namespace CiDoctor.Core.Tests.Conventions;

/// <summary>
/// DESIGN.md's project table, as docs/ARCHITECTURE.md copies it, against the <c>.csproj</c> files:
/// one project per dependency boundary, arrows toward Core, a host referenced only by its own tests.
/// </summary>
public class ProjectGraphTests
{
    [Fact]
    public void SrcProjects_ReferenceExactlyWhatTheirRowLists()
    {
        var problems = ProjectGraph.SourceProjectProblems(ArchitectureTable.Rows, ProjectFile.Under("src"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void ArchitectureTable_EveryListedReference_FollowsFromMayDependOn()
    {
        var problems = ProjectGraph.RuleProblems(ArchitectureTable.Rows);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void TestProjects_ReferenceAHostOnlyFromItsOwnTestProject()
    {
        var all = ProjectFile.Under("src").Concat(ProjectFile.Under("tests")).ToList();
        Assert.Contains(all, p => p.Role == "host");   // the CLI: a check with no host to find would pass for nothing

        var problems = ProjectGraph.HostProblems(all);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void TestingLibraries_ReferenceNoHost()
    {
        var hosts = ProjectFile.Under("src").Where(p => p.Role == "host").Select(p => p.Path).ToHashSet(StringComparer.Ordinal);

        var offending = ProjectFile.Under("tests").Where(p => p.Role == "testlib")
            .SelectMany(p => p.ProjectReferences.Where(hosts.Contains).Select(h => $"{p.Path} → {h}")).ToList();

        Assert.True(offending.Count == 0, "a testing library is used by every library's tests, so it references no host: " + string.Join(", ", offending));
    }

    [Fact]
    public void SourceProjectProblems_AForbiddenReference_IsNamedWithWhatTheRowAllows()
    {
        // The check itself, on a made-up project: Environment referencing YamlDotNet and the CLI.
        var environment = new ProjectFile("src/CiDoctor.Environment/CiDoctor.Environment.csproj", "library",
            ["src/CiDoctor.Core/CiDoctor.Core.csproj", "src/CiDoctor.Cli/CiDoctor.Cli.csproj"], ["YamlDotNet"], []);
        var cli = new ProjectFile("src/CiDoctor.Cli/CiDoctor.Cli.csproj", "host", [], [], []);

        var problems = ProjectGraph.SourceProjectProblems(ArchitectureTable.Rows, [environment, cli]);

        Assert.Contains("src/CiDoctor.Environment/CiDoctor.Environment.csproj references package YamlDotNet, which its row of docs/ARCHITECTURE.md does not list (CiDoctor.Environment may depend on: Core)", problems);
        Assert.Contains(problems, p => p.StartsWith("src/CiDoctor.Environment/CiDoctor.Environment.csproj references project CiDoctor.Cli,", StringComparison.Ordinal));
    }

    [Fact]
    public void HostProblems_ATestProjectReachingTheCliThroughATestingLibrary_IsNamedWithThePath()
    {
        ProjectFile Project(string path, string role, params string[] references) => new(path, role, references, [], []);
        var all = new[]
        {
            Project("src/CiDoctor.Cli/CiDoctor.Cli.csproj", "host"),
            Project("tests/CiDoctor.Testing/CiDoctor.Testing.csproj", "testlib", "src/CiDoctor.Cli/CiDoctor.Cli.csproj"),
            Project("tests/CiDoctor.Core.Tests/CiDoctor.Core.Tests.csproj", "test", "tests/CiDoctor.Testing/CiDoctor.Testing.csproj"),
            Project("tests/CiDoctor.Cli.Tests/CiDoctor.Cli.Tests.csproj", "test", "src/CiDoctor.Cli/CiDoctor.Cli.csproj"),
        };

        var problems = ProjectGraph.HostProblems(all);

        Assert.Equal(2, problems.Count);   // Core.Tests and Testing itself; Cli.Tests is the CLI's own
        Assert.Contains(problems, p => p.Contains("tests/CiDoctor.Core.Tests/CiDoctor.Core.Tests.csproj → tests/CiDoctor.Testing/CiDoctor.Testing.csproj → src/CiDoctor.Cli/CiDoctor.Cli.csproj", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.StartsWith("tests/CiDoctor.Cli.Tests", StringComparison.Ordinal));
    }

    [Fact]
    public void RuleProblems_APackageTheWordsDoNotAllow_IsNamed()
    {
        var rows = ArchitectureTable.Read("""
            ## Projects

            | project | may depend on | project references | package references |
            |---|---|---|---|
            | `src/CiDoctor.Core` | BCL, YamlDotNet | | YamlDotNet |
            | `src/CiDoctor.Providers` | Core, Polly | Core, History | Polly.Core, YamlDotNet, SQLitePCLRaw.core (pin of Npgsql) |
            """);

        var problems = ProjectGraph.RuleProblems(rows);

        Assert.Equal(
        [
            "docs/ARCHITECTURE.md, row CiDoctor.Providers (may depend on: Core, Polly): project History is not allowed",
            "docs/ARCHITECTURE.md, row CiDoctor.Providers (may depend on: Core, Polly): package YamlDotNet is not allowed",
            "docs/ARCHITECTURE.md, row CiDoctor.Providers (may depend on: Core, Polly): package SQLitePCLRaw.core pins Npgsql, which is not allowed",
        ], problems);
    }
}
