using CiDoctor.Testing.Conventions;

namespace CiDoctor.Environment.Tests.Conventions;

/// <summary>CiDoctor.Environment as compiled: what it references, no console, and its public API as approved (docs/ARCHITECTURE.md).</summary>
public class LibraryConventionsTests
{
    private static readonly System.Reflection.Assembly Library = typeof(CiDoctor.Env.Capture.EnvCapture).Assembly;

    [Fact]
    public void AssemblyReferences_AreThoseItsRowAllows()
    {
        var problems = LibraryConventions.ReferenceProblems(Library, "Environment");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void NoMethod_UsesTheConsole()
    {
        var uses = LibraryConventions.ConsoleUses(Library);

        Assert.True(uses.Count == 0, "a library call has no console (DESIGN.md); the host passes streams in:\n" + string.Join("\n", uses));
    }

    [Fact]
    public void PublicApi_IsTheApprovedListing() => LibraryConventions.VerifyPublicApi(Library, "Environment");
}
