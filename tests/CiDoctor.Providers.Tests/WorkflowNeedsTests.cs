using CiDoctor.Testing.Providers;

namespace CiDoctor.Providers.Tests;

/// <summary>Needs read from a workflow file and mapped onto the job names a provider's API lists.</summary>
public class WorkflowNeedsTests
{
    [Fact]
    public void Map_MatrixNamesAndListOrScalarNeeds_MapOntoTheApiJobs()
    {
        var needs = WorkflowNeeds.Map(GitHubApi.Workflow, ["lint", "build (ubuntu-latest)", "deploy"]);

        Assert.NotNull(needs);
        Assert.Empty(needs["lint"]);
        Assert.Equal(["lint"], needs["build (ubuntu-latest)"]);   // needs: lint, a scalar
        Assert.Equal(["lint", "build (ubuntu-latest)"], needs["deploy"]);   // needs: [build, lint], by key
    }

    [Fact]
    public void Map_NameWithAnExpression_MatchesTheFilledInName()
    {
        const string Yaml = """
            jobs:
              test:
                name: test ${{ matrix.os }} / ${{ matrix.rust }}
                runs-on: ${{ matrix.os }}
              release:
                needs: test
            """;

        var needs = WorkflowNeeds.Map(Yaml, ["test ubuntu-latest / stable", "test macos-latest / beta", "release"]);

        Assert.Equal(["test ubuntu-latest / stable", "test macos-latest / beta"], needs!["release"]);
    }

    [Theory]
    [InlineData("jobs: [a, b]")]
    [InlineData("name: ci\non: push\n")]
    [InlineData("jobs:\n  a: {needs: [b\n")]
    [InlineData("")]
    public void Map_NoReadableJobs_IsNull(string yaml) => Assert.Null(WorkflowNeeds.Map(yaml, ["a"]));
}
