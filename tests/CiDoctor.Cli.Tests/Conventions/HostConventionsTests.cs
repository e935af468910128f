using CiDoctor.Testing.Conventions;

namespace CiDoctor.Cli.Tests.Conventions;

/// <summary>The CLI as compiled references only what its row of docs/ARCHITECTURE.md allows (a host may use the console).</summary>
public class HostConventionsTests
{
    [Fact]
    public void AssemblyReferences_AreThoseItsRowAllows()
    {
        var problems = LibraryConventions.ReferenceProblems(typeof(CliApp).Assembly, "Cli");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
