using CiDoctor.Core.Diagnosis;

namespace CiDoctor.Core.Tests.Diagnosis;

/// <summary>A failed step's name gives its phase: the CI systems' own names first, then common words.</summary>
public class JobPhasesTests
{
    [Theory]
    [InlineData("prepare_executor", JobPhase.Runner)]
    [InlineData("Preparing the \"docker+machine\" executor", JobPhase.Runner)]
    [InlineData("Preparing environment", JobPhase.Runner)]
    [InlineData("Set up job", JobPhase.Runner)]
    [InlineData("Initialize containers", JobPhase.Runner)]
    [InlineData("Spin up environment", JobPhase.Runner)]
    [InlineData("get_sources", JobPhase.Checkout)]
    [InlineData("Getting source from Git repository", JobPhase.Checkout)]
    [InlineData("Run actions/checkout@v4", JobPhase.Checkout)]
    [InlineData("Checkout code", JobPhase.Checkout)]
    [InlineData("Declarative: Checkout SCM", JobPhase.Checkout)]
    [InlineData("clone", JobPhase.Checkout)]
    [InlineData("git.checkout", JobPhase.Checkout)]
    [InlineData("step_script", JobPhase.Script)]
    [InlineData("upload_artifacts_on_failure", JobPhase.Upload)]
    [InlineData("archive_cache", JobPhase.Upload)]
    [InlineData("cleanup_file_variables", JobPhase.Cleanup)]
    [InlineData("Post Run actions/checkout@v4", JobPhase.Cleanup)]
    [InlineData("Complete job", JobPhase.Cleanup)]
    [InlineData("Run actions/setup-python@v5", JobPhase.Dependencies)]
    [InlineData("install", JobPhase.Dependencies)]
    [InlineData("npm ci", JobPhase.Dependencies)]
    [InlineData("Run npm test", JobPhase.Test)]
    [InlineData("pytest --cov=. --cov-report=xml", JobPhase.Test)]
    [InlineData("Build", JobPhase.Build)]
    [InlineData("Deploy to staging", JobPhase.Deploy)]
    [InlineData("Run ./ci/lint.sh", JobPhase.Script)]
    [InlineData("widgets", JobPhase.Unknown)]
    [InlineData("", JobPhase.Unknown)]
    [InlineData(null, JobPhase.Unknown)]
    public void Of_StepName_GivesItsPhase(string? name, JobPhase phase) =>
        Assert.Equal(phase, JobPhases.Of(name));

    [Fact]
    public void Doing_EveryKnownPhase_SaysWhatTheJobWasDoing()
    {
        foreach (var phase in Enum.GetValues<JobPhase>().Where(p => p != JobPhase.Unknown))
        {
            Assert.StartsWith(phase == JobPhase.Script ? "in " : "while ", JobPhases.Doing(phase), StringComparison.Ordinal);
        }
        Assert.Null(JobPhases.Doing(JobPhase.Unknown));
    }
}
