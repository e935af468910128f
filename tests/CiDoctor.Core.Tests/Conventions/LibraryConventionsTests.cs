using CiDoctor.Core.Model;
using CiDoctor.Testing.Conventions;

namespace CiDoctor.Core.Tests.Conventions;

/// <summary>CiDoctor.Core as compiled: what it references, no console, and its public API as approved.</summary>
public class LibraryConventionsTests
{
    private static readonly System.Reflection.Assembly Library = typeof(RunInfo).Assembly;

    [Fact]
    public void AssemblyReferences_AreThoseItsRowAllows()
    {
        var problems = LibraryConventions.ReferenceProblems(Library, "Core");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void NoMethod_UsesTheConsole()
    {
        var uses = LibraryConventions.ConsoleUses(Library);

        Assert.True(uses.Count == 0, "a library call has no console (DESIGN.md); the host passes streams in:\n" + string.Join("\n", uses));
    }

    [Fact]
    public void PublicApi_IsTheApprovedListing() => LibraryConventions.VerifyPublicApi(Library, "Core");
}
