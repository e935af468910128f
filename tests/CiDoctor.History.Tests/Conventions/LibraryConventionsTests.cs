using CiDoctor.Testing.Conventions;

namespace CiDoctor.History.Tests.Conventions;

/// <summary>CiDoctor.History as compiled: what it references, no console, and its public API as approved (docs/ARCHITECTURE.md).</summary>
public class LibraryConventionsTests
{
    private static readonly System.Reflection.Assembly Library = typeof(CiDoctor.History.IRunStore).Assembly;

    [Fact]
    public void AssemblyReferences_AreThoseItsRowAllows()
    {
        var problems = LibraryConventions.ReferenceProblems(Library, "History");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void NoMethod_UsesTheConsole()
    {
        var uses = LibraryConventions.ConsoleUses(Library);

        Assert.True(uses.Count == 0, "a library call has no console (DESIGN.md); the host passes streams in:\n" + string.Join("\n", uses));
    }

    [Fact]
    public void PublicApi_IsTheApprovedListing() => LibraryConventions.VerifyPublicApi(Library, "History");
}
