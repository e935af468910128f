using CiDoctor.Core.Reports.Ci;
using CiDoctor.Testing;

namespace CiDoctor.Core.Tests.Reports.Ci;

public sealed class RepoFileLocatorTests : IDisposable
{
    private readonly TempDir _root = new();
    private readonly RepoFileLocator _locator;

    public RepoFileLocatorTests()
    {
        foreach (string file in new[] { "src/main.rs", "src/a.c", "src/A.cs", "pkg/mod.py", "main.go", "tests/test_api.py", "my dir/x.py" })
        {
            _root.Write(file, "content\n");
        }
        _locator = new RepoFileLocator(_root.Path);
    }

    public void Dispose() => _root.Dispose();

    [Theory]
    [InlineData("  --> src/main.rs:12:5", "src/main.rs", 12, 5)]
    [InlineData("src/a.c:3:7: error: 'x' undeclared (first use in this function)", "src/a.c", 3, 7)]
    [InlineData("  File \"pkg/mod.py\", line 42, in handler", "pkg/mod.py", 42, null)]
    [InlineData("  File \"my dir/x.py\", line 7, in <module>", "my dir/x.py", 7, null)]
    [InlineData("./main.go:10:2: undefined: foo", "main.go", 10, 2)]
    [InlineData("tests/test_api.py:42: AssertionError", "tests/test_api.py", 42, null)]
    [InlineData("src/A.cs(12,5): error CS1002: ; expected [/r/App.csproj]", "src/A.cs", 12, 5)]
    [InlineData("src/A.cs(12): warning CS0168: unused", "src/A.cs", 12, null)]
    public void Find_ToolOutputNamingARepoFile_ReturnsFileLineColumn(string text, string path, int line, int? column)
    {
        var location = _locator.Find(text);

        Assert.Equal(new SourceLocation(path, line, column), location);
    }

    [Fact]
    public void Find_MsBuildAbsolutePathUnderRoot_MakesItRelative()
    {
        string text = $"{_root.Path}/src/A.cs(12,5): error CS1002: ; expected [{_root.Path}/App.csproj]";

        Assert.Equal(new SourceLocation("src/A.cs", 12, 5), _locator.Find(text));
    }

    [Theory]
    [InlineData("  --> src/missing.rs:12:5")]                                            // not in the checkout
    [InlineData("/nix/store/abc123-source/src/main.rs:12:5: error")]                     // Nix store
    [InlineData("/tmp/build/src/main.rs:12:5: error")]                                   // elsewhere on the runner
    [InlineData("/usr/include/stdio.h:33:10: fatal error: x.h: No such file")]
    [InlineData("../outside/src/main.rs:1:1: error")]                                    // leaves the root
    [InlineData("error: could not compile `object` (lib) due to 1 previous error")]      // no path at all
    [InlineData("Downloading https://example.com:443/file.tar.gz")]
    public void Find_NoRepoFile_ReturnsNull(string text) => Assert.Null(_locator.Find(text));

    [Fact]
    public void Find_PathOutsideRootThenRepoPath_SkipsToTheRepoFile()
    {
        var location = _locator.Find("In file included from /usr/include/x.h:1:2, from src/a.c:3:7:");

        Assert.Equal(new SourceLocation("src/a.c", 3, 7), location);
    }

    [Fact]
    public void Find_Job_UsesTheFileLineNotTheLogLine()
    {
        var job = ReportKit.Job("build", ReportKit.Cause("rust.compile-error"), evidence:
        [
            ReportKit.Line(900, "error[E0425]: cannot find value `x` in this scope"),
            ReportKit.Line(901, "  --> src/main.rs:12:5", Core.Model.EvidenceRole.Context),
        ]);

        var location = _locator.Find(job);

        Assert.Equal(new SourceLocation("src/main.rs", 12, 5), location);
    }

    [Fact]
    public void Find_LongTokensOfPathCharacters_LinearTimeNoLocation()
    {
        // Regression: the backtracking engine went quadratic over tokens like these and timed out.
        string text = "error 1: " + new string('y', 2000) + " " + string.Concat(Enumerable.Repeat("a.b", 600)) + "(1:";
        Assert.Null(_locator.Find(text)); // builds the engines' automata once
        var clock = System.Diagnostics.Stopwatch.StartNew();

        for (int i = 0; i < 20; i++)
        {
            Assert.Null(_locator.Find(text));
        }

        Assert.True(clock.ElapsedMilliseconds < 2000, $"20 searches took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Resolve_AFolder_IsNotAFile() => Assert.Null(_locator.Resolve("src"));
}
