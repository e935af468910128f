using CiDoctor.Core.Catalog;
using CiDoctor.Core.Diagnosis;
using CiDoctor.Core.Model;
using static CiDoctor.Core.Tests.Diagnosis.DiagnosisKit;

namespace CiDoctor.Core.Tests.Diagnosis;

/// <summary>
/// Issue 15 part 5: confidence falls with what predicted wrong answers on the labelled cases (a
/// generic mode, a close runner-up of another kind, disagreement with the structure), and below
/// the threshold the cause is not named.
/// </summary>
public class ConfidenceTests
{
    private static readonly ConfidenceWeights Weights = new();

    [Fact]
    public void Confidence_NothingAgainstIt_IsHigh() =>
        Assert.InRange(new ConfidenceSignals(0, 0, 0, 0).Confidence(Weights), 0.9, 0.97);

    [Fact]
    public void Confidence_EachSignalAgainst_LowersIt()
    {
        double plain = new ConfidenceSignals(0, 0, 0, 0).Confidence(Weights);

        Assert.True(new ConfidenceSignals(1, 0, 0, 0).Confidence(Weights) < 0.8, "a generic mode is not a confident answer");
        Assert.True(new ConfidenceSignals(0, 1, 0, 0).Confidence(Weights) < plain);
        Assert.True(new ConfidenceSignals(0, 0, -0.75, 0).Confidence(Weights) < plain);
        Assert.True(new ConfidenceSignals(0, 0, 0, 1).Confidence(Weights) < plain);
        Assert.True(new ConfidenceSignals(0, 0, 0.75, 0).Confidence(Weights) > plain);
    }

    [Theory]
    [InlineData(Origin.Environment, null, 0.75)]
    [InlineData(Origin.Environment, "network", 0.75)]
    [InlineData(Origin.Environment, "runner-lost", -0.75)]
    [InlineData(Origin.Code, null, -0.75)]
    public void Of_Structure_AgreesOnTheSideAndOnAnyKindItNames(Origin origin, string? kind, double signal)
    {
        var mode = new FailureMode { Id = "network.x", Title = "x", Kind = "network", Origin = Origin.Environment, Severity = Severity.High, Signals = [] };
        var root = new RankedMode(mode, [new Finding(mode.Id, 3, "connection reset by peer", -1, new Dictionary<string, string>())], 1, 40);
        var structure = new StructuralVerdict("structure.x", origin, 0.75, kind, "x", "x", JobPhase.Unknown, []);

        var signals = ConfidenceSignals.Of(root, [root], null, structure, new DiagnosisOptions());

        Assert.Equal(signal, signals.Structure);
        Assert.Equal(0, ConfidenceSignals.Of(root, [root], null, structure with { Default = true }, new DiagnosisOptions()).Structure);
    }

    [Fact]
    public void Diagnose_GenericModeAlone_IsLessConfidentThanASpecificOne()
    {
        var wrapper = Diagnose(["$ make all", "make: *** [Makefile:12: all] Error 2"]);
        var specific = Diagnose(["$ make all", "error: failed to build archive: No space left on device (os error 28)"]);

        Assert.Equal("cpp.make-error", wrapper.RootCause?.Id);
        Assert.True(wrapper.RootCause!.Confidence < specific.RootCause!.Confidence);
    }

    [Fact]
    public void Diagnose_BelowTheThreshold_NamesNoCauseButKeepsTheModesOrigin()
    {
        var options = new DiagnosisOptions { NotRecognisedBelow = 0.99 };

        var job = Diagnose(["$ make", "error: failed to build archive: No space left on device (os error 28)"], options: options);

        Assert.Null(job.RootCause);
        Assert.Equal(Origin.Environment, job.Origin);
        Assert.Contains("Runner ran out of disk space", job.OriginReason, StringComparison.Ordinal);
        Assert.Contains(job.Evidence, e => e.Text.Contains("No space left on device", StringComparison.Ordinal));
    }

    [Fact]
    public void Diagnose_SpecificModeAndAStructuralKind_TheMoreConfidentWins()
    {
        // Exit code 137 says "killed", usually for memory; the disk-full line says more.
        string[] lines = ["$ ./build.sh", "error: failed to build archive: No space left on device (os error 28)"];

        var job = DiagnoseWith(lines, log => log with { Status = RunStatus.Failed, ExitCode = 137 });

        Assert.Equal("resource.disk-full", job.RootCause?.Id);
    }
}
