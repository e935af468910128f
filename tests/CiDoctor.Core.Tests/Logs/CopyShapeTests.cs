namespace CiDoctor.Core.Tests.Logs;

/// <summary>Copies from job pages: the page's line numbers and anchors go, the file's line numbers stay.</summary>
public sealed class CopyShapeTests
{
    [Fact]
    public void Read_GluedPageLineNumbers_RemovedFromTheTextAndDetectedAsGitHub()
    {
        string log = "12Run npm test\n13  npm test\n14  shell: /usr/bin/bash -e {0}\n15\n162024 tests failed\n17Error: Process completed with exit code 1.\n";

        var result = LogTestKit.ReadText(log);

        Assert.Equal("github", result.Job.Ci);
        Assert.Equal(["Run npm test", "  npm test", "  shell: /usr/bin/bash -e {0}", "", "2024 tests failed", "Error: Process completed with exit code 1."], result.Lines.Select(l => l.Text));
        Assert.Equal([1L, 2, 3, 4, 5, 6], result.Lines.Select(l => l.Number));
        Assert.Equal("Run npm test", result.FailedStepName);
        Assert.Equal(1, result.Job.ExitCode);
    }

    [Fact]
    public void Read_NumberedList_NotTakenForPageLineNumbers()
    {
        string log = "1. Error CS0246: The type 'NLog' could not be found\n2. Error CS0246: The type 'ILogger' could not be found\n3. Error CS0122: 'LogLevel' is inaccessible\n";

        var result = LogTestKit.ReadText(log);

        Assert.Equal("1. Error CS0246: The type 'NLog' could not be found", result.Lines[0].Text);
    }

    [Fact]
    public void Read_LineAnchors_LineNumberGoesDigitsInTheTextStay()
    {
        string log = "Pulling docker image docker:18.03.1-ce ...\n"
            + "Using docker image sha[2](https://gitlab.example.com/g/p/-/jobs/13#L2)56:7c15[3](https://gitlab.example.com/g/p/-/jobs/13#L3)f6c for docker:18.03.1-ce\n"
            + "[4](https://gitlab.example.com/g/p/-/jobs/13#L4)Preparing environment\n"
            + "ERROR: Job failed: prepare environment: exit code 255. See [the docs](https://docs.gitlab.com/runner/shells/)\n";

        var result = LogTestKit.ReadText(log);

        Assert.Equal("gitlab", result.Job.Ci);
        Assert.Equal("Using docker image sha256:7c153f6c for docker:18.03.1-ce", result.Lines[1].Text);
        Assert.Equal("Preparing environment", result.Lines[2].Text);
        Assert.EndsWith("See [the docs](https://docs.gitlab.com/runner/shells/)", result.Lines[3].Text, StringComparison.Ordinal);
        Assert.Equal("Preparing environment", result.FailedStepName);
        Assert.Equal(255, result.Job.ExitCode);
    }

    [Fact]
    public void Read_GiteaJobStepAnchors_DetectedAsForgejo()
    {
        string log = "Fetching the repository\n"
            + "[command]/usr/bin/git fetch origin +371b77b07763[38](https://gitea.example.com/o/r/actions/runs/8#jobstep-4-38)6ae8:refs/remotes/origin/main\n"
            + "The process '/usr/bin/git' failed with exit code 128\n";

        var result = LogTestKit.ReadText(log);

        Assert.Equal("forgejo", result.Job.Ci);
        Assert.Contains("+371b77b07763386ae8:refs", result.Lines[1].Text, StringComparison.Ordinal);
        Assert.Equal(128, result.Job.ExitCode);
        Assert.Empty(result.StepNames);
    }
}
