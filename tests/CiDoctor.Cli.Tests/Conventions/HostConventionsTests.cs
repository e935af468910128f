using CiDoctor.Testing.Conventions;

namespace CiDoctor.Cli.Tests.Conventions;

/// <summary>
/// The CLI as compiled references only what its row of docs/ARCHITECTURE.md allows. A host may use
/// the console, which makes it the place to check that the libraries' no-console check finds a use.
/// </summary>
public class HostConventionsTests
{
    [Fact]
    public void AssemblyReferences_AreThoseItsRowAllows()
    {
        var problems = LibraryConventions.ReferenceProblems(typeof(CliApp).Assembly, "Cli");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void ConsoleUses_InTheHost_AreFoundAndNamed()
    {
        var uses = LibraryConventions.ConsoleUses(typeof(CliApp).Assembly);

        Assert.Contains("CiDoctor.Cli.CliApp.Run → Console.get_IsOutputRedirected", uses);
        Assert.Contains(uses, u => u.StartsWith("Program.<Main>$ → Console.", StringComparison.Ordinal));
    }

    [Fact]
    public void ConsoleUses_DecodesEveryMethodBodyOfALargeAssembly()
    {
        // Spectre.Console: thousands of methods, switches and generic calls; a mis-sized operand would throw or find nothing.
        var uses = LibraryConventions.ConsoleUses(typeof(Spectre.Console.AnsiConsole).Assembly);

        Assert.Contains(uses, u => u.Contains("→ Console.get_Out", StringComparison.Ordinal));
    }
}
