using CiDoctor.Core.Reports.Ci;

namespace CiDoctor.Core.Tests.Reports.Ci;

/// <summary>Escaping as @actions/core's command.ts (escapeData / escapeProperty).</summary>
public class WorkflowCommandTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("50% done", "50%25 done")]
    [InlineData("a\nb\r\nc", "a%0Ab%0D%0Ac")]
    [InlineData("%0A stays literal", "%250A stays literal")]
    [InlineData("a: b, c", "a: b, c")]
    public void Data_EscapesPercentAndLineBreaksOnly(string value, string expected) =>
        Assert.Equal(expected, WorkflowCommand.Data(value));

    [Theory]
    [InlineData("nix (x86_64-linux): disk, full", "nix (x86_64-linux)%3A disk%2C full")]
    [InlineData("100%\n", "100%25%0A")]
    public void Property_AlsoEscapesColonAndComma(string value, string expected) =>
        Assert.Equal(expected, WorkflowCommand.Property(value));

    [Fact]
    public void Format_LeavesOutEmptyProperties()
    {
        string line = WorkflowCommand.Format("error", [new("file", null), new("line", ""), new("title", "t")], "m");

        Assert.Equal("::error title=t::m", line);
    }

    [Fact]
    public void Annotation_WithLocation_WritesFileLineColThenTitle()
    {
        var annotation = new GitHubAnnotation("error", "build: Rust, compile", "x::y\nz", new SourceLocation("src/a b.rs", 12, 5));

        Assert.Equal("::error file=src/a b.rs,line=12,col=5,title=build%3A Rust%2C compile::x::y%0Az", annotation.ToCommand());
    }
}
