using CiDoctor.Core.Catalog;

namespace CiDoctor.Core.Tests.Catalog;

public class CatalogLoaderTests
{
    private const string Valid = """
        id: test.sample
        title: A sample mode
        kind: other
        origin: code
        severity: low
        signals:
          - literal: "sample failure"
        examples:
          match: ["x sample failure y"]
          noMatch: ["sample success"]
        """;

    [Fact]
    public void Parse_ValidMode_ReadsFields()
    {
        var problems = new List<CatalogProblem>();
        var mode = CatalogLoader.Parse(Valid, "t.yaml", problems);
        Assert.Empty(problems);
        Assert.NotNull(mode);
        Assert.Equal("test.sample", mode.Id);
        Assert.Single(mode.Signals);
    }

    [Theory]
    [InlineData("kind: other", "kind: nonsense", 3, "kind 'nonsense'")]
    [InlineData("origin: code", "origin: whoever", 4, "origin 'whoever'")]
    [InlineData("  - literal: \"sample failure\"", "  - regex: '(?<=x)y'", 7, "not allowed")]
    [InlineData("  - literal: \"sample failure\"", "  - regex: '([a-z'", 7, "does not compile")]
    [InlineData("severity: low", "severity: low\nsurprise: 1", 6, "unknown key 'surprise'")]
    public void Parse_BadField_ReportsFileLineProblem(string from, string to, long line, string message)
    {
        var problems = new List<CatalogProblem>();
        var mode = CatalogLoader.Parse(Valid.Replace(from, to, StringComparison.Ordinal), "t.yaml", problems);
        Assert.Null(mode);
        var problem = Assert.Single(problems);
        Assert.Equal("t.yaml", problem.File);
        Assert.Equal(line, problem.Line);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UserFolder_OverridesBuiltInModeById()
    {
        string dir = Directory.CreateTempSubdirectory("cidoctor-cat").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "resource"));
            File.WriteAllText(Path.Combine(dir, "resource", "disk-full.yaml"), Valid.Replace("test.sample", "resource.disk-full", StringComparison.Ordinal));
            var catalog = CatalogLoader.Load([dir]);
            Assert.Equal("A sample mode", catalog.Find("resource.disk-full")!.Title);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Load_BrokenUserFile_ThrowsWithFileAndLine()
    {
        string dir = Directory.CreateTempSubdirectory("cidoctor-cat").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "bad.yaml"), "id: x.y\ntitle: [unclosed\n");
            var e = Assert.Throws<CiDoctorException>(() => CatalogLoader.Load([dir]));
            Assert.Contains("bad.yaml:", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
