using CiDoctor.Testing;

namespace CiDoctor.Core.Tests.Conventions;

/// <summary>
/// Issue 14: lines flow one way, and so do imports. No cycle between CiDoctor.Core's folders
/// (namespaces): a cycle means two stages can no longer be understood, tested or replaced apart.
/// </summary>
public sealed class FolderCycleTests
{
    private static readonly string CoreFolder = Path.Combine(Repo.Root, "src", "CiDoctor.Core");

    [Fact]
    public void Issue14_CoreFolders_ImportEachOtherWithoutCycles()
    {
        var graph = NamespaceGraph.FromFolder(CoreFolder);

        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0, "import cycle between CiDoctor.Core's folders (break it by moving what both need into a folder both depend on, e.g. Text):\n"
            + string.Join("\n", cycles.Select(graph.Describe)));
    }

    [Fact]
    public void FromFolder_Core_SeesTheImportsThatShapeIt()
    {
        // Guards the test above against passing on an empty or misread graph.
        var graph = NamespaceGraph.FromFolder(CoreFolder);

        Assert.Contains("Logs", graph.ImportsOf("Matching").Keys);
        Assert.Contains("Text", graph.ImportsOf("Logs").Keys);
        Assert.Contains("Matching", graph.ImportsOf("Catalog.Linting").Keys);
        Assert.Contains("Reports.Html", graph.ImportsOf("Reports").Keys);
    }

    [Fact]
    public void Cycles_UsingDirectivesBothWays_NamesTheCycleAndWhereEachImportIs()
    {
        var graph = NamespaceGraph.FromSources([
            ("Logs/Reader.cs", "using CiDoctor.Core.Matching;\n\nnamespace CiDoctor.Core.Logs;\n\npublic sealed class Reader { }\n"),
            ("Matching/Scan.cs", "namespace CiDoctor.Core.Matching;\n\n// CiDoctor.Core.Model.Step in a comment is no import\npublic sealed class Scan { Logs.Reader? _r; }\n"),
            ("Model/Step.cs", "namespace CiDoctor.Core.Model;\n\npublic sealed record Step;\n"),
        ]);

        var cycle = Assert.Single(graph.Cycles());

        Assert.Equal("Logs → Matching (Logs/Reader.cs:1) → Logs (Matching/Scan.cs:4)", graph.Describe(cycle));
        Assert.DoesNotContain("Model", graph.ImportsOf("Matching").Keys);
    }

    [Fact]
    public void Cycles_ChildUsingItsParent_IsNoCycle()
    {
        var graph = NamespaceGraph.FromSources([
            ("Reports/Renderer.cs", "using CiDoctor.Core.Reports.Html;\n\nnamespace CiDoctor.Core.Reports;\n\npublic sealed class Renderer { }\n"),
            ("Reports/Html/Page.cs", "using static CiDoctor.Core.Reports.Text;\n\nnamespace CiDoctor.Core.Reports.Html;\n\npublic sealed class Page { }\n"),
        ]);

        Assert.Empty(graph.Cycles());
        Assert.Equal(["Reports.Html"], graph.ImportsOf("Reports").Keys);
    }
}
