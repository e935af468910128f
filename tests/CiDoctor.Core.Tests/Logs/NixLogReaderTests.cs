using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Tests.Logs;

public sealed class NixLogReaderTests
{
    private const string Drv = "/nix/store/84h7zwyqd6z1qv0wif6l1110qdv1fwzf-bws-1.0.0.drv";

    [Fact]
    public void Detect_OtherFormatsFixtures_ReturnsZero() =>
        LogTestKit.AssertIgnoresOtherFormats(new NixLogReader());

    [Fact]
    public void Detect_NixBuildInsideGitHubLog_GitHubWins()
    {
        var head = LogTestKit.Head("github/nix-build-inside");

        Assert.Equal(0, new NixLogReader().Detect(head));
        Assert.IsType<GitHubLogReader>(LogReaders.Detect(head));
    }

    [Fact]
    public void Parse_InterleavedBuilderOutput_AttributedByPrefixAndPrefixKept()
    {
        var result = LogTestKit.ReadCase("nix/builder-failure");

        // bws starts first, zsh-config second; bws output after that still belongs to bws.
        Assert.Equal(["bws-1.0.0", "zsh-config"], result.StepNames);
        Assert.Equal(1, result.Line("zsh-config> Running phase: installPhase").Step);
        Assert.Equal(0, result.Line("bws> Running phase: patchPhase").Step);
        Assert.Equal(LineKind.Marker, result.Lines.First(l => l.Text.StartsWith("building '", StringComparison.Ordinal)).Kind);
        Assert.Equal(result.Line("zsh-config> Running phase: installPhase").Number, result.Job.Steps[1].LastLine);
        Assert.True(result.Job.Steps[0].LastLine > result.Job.Steps[1].LastLine);
    }

    [Fact]
    public void Parse_BuilderFailure_ErrorBlockBelongsToTheDerivation()
    {
        var result = LogTestKit.ReadCase("nix/builder-failure");

        var block = result.Lines.Where(l => l.Text.StartsWith("       > ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(block);
        Assert.All(block, l => Assert.Equal(0, l.Step));
        Assert.Equal(101, result.Job.Steps[0].ExitCode);
        Assert.Equal(RunStatus.Unknown, result.Job.Steps[1].Status);
    }

    [Fact]
    public void Parse_CannotBuildWithReason_NewerFormatFailsTheDerivation()
    {
        string log = $"building '{Drv}'...\n"
            + "bws> error: could not compile `bws`\n"
            + $"error: Cannot build '{Drv}'.\n"
            + "       Reason: builder failed with exit code 101.\n"
            + "       Output paths:\n"
            + "         /nix/store/wxpxl5abpxrr4ljnwj100nhijnbn2riz-bws-1.0.0\n"
            + "error: Cannot build '/nix/store/2gwqnav79y7va5jcjxy56c127haa5343-home-manager-path.drv'.\n"
            + "       Reason: 1 dependency failed.\n";

        var result = LogTestKit.ReadText(log, "nix");

        Assert.Equal(["bws-1.0.0"], result.StepNames);
        Assert.Equal("bws-1.0.0", result.FailedStepName);
        Assert.Equal(101, result.Job.ExitCode);
        Assert.Equal(4, result.Job.FailureLine);
    }

    [Fact]
    public void Parse_HashMismatch_FailsTheFixedOutputDerivationWithoutExitCode()
    {
        string log = "building '/nix/store/2gwqnav79y7va5jcjxy56c127haa5343-source.drv'...\n"
            + "error: hash mismatch in fixed-output derivation '/nix/store/2gwqnav79y7va5jcjxy56c127haa5343-source.drv':\n"
            + "         specified: sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"
            + "            got:    sha256-0d3Pk7SSIFm1tNCNLh6W3Vh3Ry1pWQZ2B0HxKzXcVZ0=\n";

        var result = LogTestKit.ReadText(log, "nix");

        Assert.Equal("source", result.FailedStepName);
        Assert.Null(result.Job.ExitCode);
        Assert.Equal(RunStatus.Failed, result.Job.Status);
        Assert.All(result.Lines.Skip(1), l => Assert.Equal(0, l.Step));
    }
}
