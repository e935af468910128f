using CiDoctor.Core.Catalog;
using CiDoctor.Core.Diagnosis;
using CiDoctor.Core.Model;
using static CiDoctor.Core.Tests.Diagnosis.DiagnosisKit;

namespace CiDoctor.Core.Tests.Diagnosis;

/// <summary>
/// Issue 15 part 4: the root cause is the first fatal error of the failing step; the mechanism
/// inside a wrapper wins over the wrapper; a warning never outranks a fatal line; a failing test
/// is a flaky one only when a timing symptom is next to it.
/// </summary>
public class RankingByFailurePointTests
{
    [Fact]
    public void Diagnose_WrapperAfterTheMechanism_TheMechanismWins()
    {
        // "builder … failed with exit code 1" wraps the refused connection of the builder's tests.
        string[] lines =
        [
            "building '/nix/store/abcdefghijklmnopqrstuvwxyz012345-app-1.0.drv'...",
            "Running phase: checkPhase",
            "requests.exceptions.ConnectionError: HTTPConnectionPool(host='localhost', port=8000): Max retries exceeded (Caused by NewConnectionError('Failed to establish a new connection: [Errno 111] Connection refused'))",
            "error: builder for '/nix/store/abcdefghijklmnopqrstuvwxyz012345-app-1.0.drv' failed with exit code 1",
        ];

        var job = Diagnose(lines);

        Assert.Equal("network.connection-refused", job.RootCause?.Id);
        Assert.Contains(job.Facts.OtherFindings, f => f.Id == "nix.builder-failed");
    }

    [Fact]
    public void Diagnose_WarningPrintedFirst_TheFatalErrorWins()
    {
        // npm only warns about an optional package's engines at install; the disk running full,
        // a build later, failed the job.
        string[] lines =
        [
            "npm WARN notsup Not compatible with your version of node/npm: fsevents@2.3.2",
            "added 1200 packages in 41s",
            "> build",
            .. Enumerable.Range(1, 60).Select(i => $"compiled module {i} of 60"),
            "error: failed to build archive: No space left on device (os error 28)",
        ];

        var job = Diagnose(lines);

        Assert.Equal("resource.disk-full", job.RootCause?.Id);
    }

    [Fact]
    public void Diagnose_TwoFatalErrorsInTheFailingStep_TheFirstWins()
    {
        string[] lines =
        [
            "Out of memory: Killed process 4242 (cc1plus) total-vm:8123456kB, anon-rss:7000000kB",
            "retrying the build",
            "error: failed to build archive: No space left on device (os error 28)",
        ];

        var job = Diagnose(lines);

        Assert.Equal("resource.oom-killed", job.RootCause?.Id);
    }

    [Fact]
    public void Diagnose_FailingTestWithATimingSymptom_IsAFlakyTest()
    {
        string[] lines =
        [
            "=== RUN   TestServerStarts",
            "    server_test.go:41: listen tcp 127.0.0.1:8080: bind: address already in use",
            "--- FAIL: TestServerStarts (0.01s)",
            "FAIL\tgithub.com/acme/app/server\t0.214s",
        ];

        var job = Diagnose(lines);

        // Either the test runner's mode re-kinded by the symptom, or a catalog mode for the symptom itself
        // (test.port-in-use): what matters is that the failing test is a flaky one, shown by its symptom.
        Assert.Equal("flaky-test", job.RootCause?.Kind);
        Assert.Equal(Origin.Flaky, job.Origin);
        if (job.RootCause?.Id == "go.test-failure")
        {
            Assert.Contains("timing symptom", job.RootCause?.Explanation, StringComparison.Ordinal);
        }
        Assert.Contains(job.Evidence, e => e.Line == 2);
    }

    [Fact]
    public void Diagnose_FailingTestWithoutATimingSymptom_StaysATestFailure()
    {
        string[] lines =
        [
            "=== RUN   TestParse",
            "    parse_test.go:12: got \"a\", want \"b\"",
            "--- FAIL: TestParse (0.00s)",
            "FAIL\tgithub.com/acme/app/parse\t0.012s",
        ];

        var job = Diagnose(lines);

        Assert.Equal("test-failure", job.RootCause?.Kind);
        Assert.Equal(Origin.Code, job.Origin);
    }

    [Fact]
    public void Rank_TwoModesOnOneLine_TheOneTheStructureAgreesWithWins()
    {
        // "Preparation failed: No such image" reads as a bad image name (config) or a runner that
        // could not get it (environment); GitLab reported a system failure.
        var config = Mode("docker.image-missing", "workflow-config", Origin.Config);
        var runner = Mode("runner.preparation-failed", "runner-lost", Origin.Environment);
        const string line = "ERROR: Preparation failed: Error: No such image: registry.example.org/ci/image:1";
        var findings = new Dictionary<string, IReadOnlyList<Finding>>
        {
            [config.Id] = [new Finding(config.Id, 8, line, -1, new Dictionary<string, string>())],
            [runner.Id] = [new Finding(runner.Id, 8, line, -1, new Dictionary<string, string>())],
        };
        var catalog = FailureCatalog.Of([config, runner]);
        var systemFailure = new StructuralVerdict("structure.system-failure", Origin.Environment, 0.75, null, "t", "e", JobPhase.Runner, []);
        var ranker = new ModeRanker(new DiagnosisOptions());

        var alone = ranker.Rank(catalog, findings, new Dictionary<string, int>(), null);
        var withStructure = ranker.Rank(catalog, findings, new Dictionary<string, int>(), null, systemFailure.AgreementWith);

        Assert.Equal(config.Id, alone[0].Mode.Id);
        Assert.Equal(runner.Id, withStructure[0].Mode.Id);
    }

    private static FailureMode Mode(string id, string kind, Origin origin) =>
        new() { Id = id, Title = id, Kind = kind, Origin = origin, Severity = Severity.Medium, Signals = [] };

    [Theory]
    [InlineData("  Error: Timeout of 2000ms exceeded. For async tests and hooks, ensure \"done()\" is called", true)]
    [InlineData("dial tcp 127.0.0.1:5432: connect: connection refused", true)]
    [InlineData("rpc error: code = DeadlineExceeded desc = context deadline exceeded", true)]
    [InlineData("Error: listen EADDRINUSE: address already in use :::3000", true)]
    [InlineData("dial tcp 10.0.0.12:443: connect: connection refused", false)]
    [InlineData("expected 3 but got 4", false)]
    public void IsSymptom_TimingLines_AreRecognised(string line, bool symptom) =>
        Assert.Equal(symptom, TimingSymptoms.IsSymptom(line));
}
