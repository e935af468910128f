using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Tests.Logs;

public sealed class ForgejoLogReaderTests
{
    [Fact]
    public void Detect_OtherFormatsFixtures_ReturnsZero() =>
        LogTestKit.AssertIgnoresOtherFormats(new ForgejoLogReader());

    [Fact]
    public void Detect_GiteaName_FindsTheForgejoReader() =>
        Assert.IsType<ForgejoLogReader>(LogReaders.Find("gitea"));

    [Fact]
    public void Detect_GitHubLogPrintingActOutput_ReturnsZero()
    {
        string[] head =
        [
            "2025-10-14T10:00:01.0000000Z Current runner version: '2.328.0'",
            "2025-10-14T10:00:02.0000000Z [CI/lint] ⭐ Run Main actions/checkout@v4",
            "2025-10-14T10:00:03.0000000Z [CI/lint]   ✅  Success - Main actions/checkout@v4",
        ];

        Assert.Equal(0, new ForgejoLogReader().Detect(head));
    }

    [Fact]
    public void Detect_DownloadWithGroupMarkers_BeatsGitHub()
    {
        var head = LogTestKit.Head("forgejo/download-test-failure");

        Assert.Equal(0, new GitHubLogReader().Detect(head));
        Assert.IsType<ForgejoLogReader>(LogReaders.Detect(head));
    }

    [Fact]
    public void Parse_Download_TimestampsRemovedAndActLinesAreMarkers()
    {
        var result = LogTestKit.ReadCase("forgejo/download-test-failure");

        Assert.Equal("runner-02(version:v11.1.2) received task 4711 of job test, be triggered by event: push", result.Lines[0].Text);
        Assert.Equal(LineKind.Marker, result.Line("⭐ Run Main Checkout").Kind);
        Assert.Equal(LineKind.Marker, result.Line("❌  Failure - Main Test").Kind);
        Assert.Equal(LineKind.Marker, result.Line("exitcode '2': failure").Kind);
        Assert.Equal(LineKind.Marker, result.Line("##[group]Getting Git version info").Kind);
        Assert.Equal(LineKind.Content, result.Line("ℹ fail 1").Kind);
        Assert.Equal(["Set up job", "Checkout", "Test", "Post Checkout", "Complete job"], result.StepNames);
    }

    [Fact]
    public void Parse_ActCli_PrefixAndRawOutputBarRemoved()
    {
        var result = LogTestKit.ReadCase("forgejo/act-cli-lint");

        Assert.Equal("Found 1 error.", result.Lines.First(l => l.Text.StartsWith("Found ", StringComparison.Ordinal)).Text);
        Assert.Equal(4, result.Line("Found 1 error.").Step);
        Assert.Equal(RunStatus.Passed, result.Job.Steps[1].Status);
        Assert.Equal(1, result.Job.Steps[4].ExitCode);
    }

    [Fact]
    public void Parse_BracketedOutputWithoutActPrefix_KeptAsIs()
    {
        string log = "2025-09-20T14:03:11.0000000Z runner(version:v6.0.0) received task 1 of job build, be triggered by event: push\n"
            + "2025-09-20T14:03:12.0000000Z ⭐ Run Main make\n"
            + "2025-09-20T14:03:13.0000000Z [1/3] Building images\n";

        var result = LogTestKit.ReadText(log);

        Assert.Equal("[1/3] Building images", result.Lines[2].Text);
    }

    [Fact]
    public void Parse_JobSucceeded_Passed()
    {
        string log = "2025-09-20T14:03:11.0000000Z runner(version:v6.0.0) received task 1 of job build, be triggered by event: push\n"
            + "2025-09-20T14:03:12.0000000Z ⭐ Run Main make\n"
            + "2025-09-20T14:03:13.0000000Z   ✅  Success - Main make\n"
            + "2025-09-20T14:03:14.0000000Z 🏁  Job succeeded\n";

        var result = LogTestKit.ReadText(log);

        Assert.Equal(RunStatus.Passed, result.Job.Status);
        Assert.Equal(["Set up job", "make", "Complete job"], result.StepNames);
    }

    [Fact]
    public void Parse_PastedExcerpt_NoSetUpJob()
    {
        string log = "OCI runtime exec failed: exec failed: unable to start container process: exec: \"node\": executable file not found in $PATH\n"
            + "  ❌  Failure - Main Checkout\n"
            + "exitcode '127': command not found, please refer to https://github.com/nektos/act/issues/107 for more information\n";

        var result = LogTestKit.ReadText(log);

        Assert.Equal("forgejo", result.Job.Ci);
        Assert.Equal(["Checkout"], result.StepNames);
        Assert.Equal("Checkout", result.FailedStepName);
        Assert.Equal(127, result.Job.ExitCode);
    }
}
