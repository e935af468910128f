using System.Collections;
using System.Net;
using System.Net.Sockets;
using CiDoctor.Env.Capture;
using CiDoctor.Env.Drift;
using CiDoctor.Testing;

namespace CiDoctor.Environment.Tests;

/// <summary>Capture on this machine with controlled variables: tools along PATH, the TMPDIR probe, endpoints.</summary>
public class CaptureTests
{
    [Fact]
    public void Capture_PathWithoutGit_DiffReportsGitMissingInThatSnapshot()
    {
        using var dir = new TempDir();
        string withGit = FakeTool.Write(dir, "with", "git");
        string without = Directory.CreateDirectory(dir.File("without")).FullName;

        var a = EnvCapture.Capture(Options(new() { ["PATH"] = withGit }, ["git"]));
        var b = EnvCapture.Capture(Options(new() { ["PATH"] = without }, ["git"]));
        var drift = EnvDiff.Compare(a, b);

        Assert.True(a.Tools["git"].Found);
        Assert.Equal(Path.Combine(withGit, "git"), a.Tools["git"].Path);
        Assert.Equal("git version 9.9.9", a.Tools["git"].Version);
        Assert.False(b.Tools["git"].Found);
        var missing = Assert.Single(drift.Differences, d => d.Kind == "tool-missing");
        Assert.Equal(("git", "B", Path.Combine(withGit, "git"), (string?)null), (missing.Name, missing.MissingIn, missing.A, missing.B));
    }

    [Fact]
    public void Capture_TmpdirThatDoesNotExist_IsUnusable_AndDiffReportsTmpdir()
    {
        using var dir = new TempDir();
        string gone = dir.File("no-such-folder");

        var good = EnvCapture.Capture(Options(new() { ["PATH"] = "", ["TMPDIR"] = dir.Path }, []));
        var bad = EnvCapture.Capture(Options(new() { ["PATH"] = "", ["TMPDIR"] = gone }, []));

        Assert.True(good.Tmp is { Exists: true, Writable: true, CreatedTempDir: true });
        Assert.Equal(gone, bad.Tmp.Path);
        Assert.False(bad.Tmp.Exists);
        Assert.False(bad.Tmp.CreatedTempDir);
        Assert.Equal(gone, bad.Tmp.Variables["TMPDIR"]);
        Assert.Empty(Directory.GetDirectories(dir.Path));   // the probe cleaned up after itself
        var drift = EnvDiff.Compare(good, bad);
        Assert.Contains(drift.Differences, d => d.Kind == "tmpdir" && d.Name == "usable" && d.MissingIn == "B");
    }

    [Fact]
    public void Capture_Endpoints_TimesTwoConnects_AndRecordsARefusedOne()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int open = ((IPEndPoint)listener.LocalEndpoint).Port;
        int closed = Ports.Free();
        try
        {
            var snapshot = EnvCapture.Capture(Options(new() { ["PATH"] = "" }, []) with { Endpoints = [$"127.0.0.1:{open}", $"127.0.0.1:{closed}"] });

            var up = snapshot.Endpoints[0];
            Assert.Equal(["127.0.0.1"], up.Addresses);
            Assert.NotNull(up.FirstConnectMs);
            Assert.NotNull(up.SecondConnectMs);
            var down = snapshot.Endpoints[1];
            Assert.Null(down.FirstConnectMs);
            Assert.Equal("ConnectionRefused", down.ConnectError);
            Assert.Contains(snapshot.Probes, p => p.Name == $"endpoint:127.0.0.1:{open}" && p.Status == "ok");
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Capture_AToolThatHangs_IsRecordedAsTimedOut_AndCaptureGoesOn()
    {
        using var dir = new TempDir();
        string bin = FakeTool.Write(dir, "bin", "jq", "exec sleep 30");
        var limit = TimeSpan.FromSeconds(5);
        var clock = new ManualClock();

        // The tool's limit runs on the clock: once the probe waits on it, moving the clock past it is the timeout.
        var capture = Task.Run(() => EnvCapture.Capture(Options(new() { ["PATH"] = bin }, ["jq"]) with { ProbeLimit = limit }, clock));
        Assert.Equal(limit, clock.NextWait(w => w == limit));
        clock.Advance(limit);
        var snapshot = await capture;

        var jq = snapshot.Tools["jq"];
        Assert.True(jq.Found);
        Assert.Null(jq.Version);
        Assert.Equal("no answer to --version within 5 s", jq.Error);
        Assert.Contains(snapshot.Probes, p => p.Name == "tool:jq" && p.Status == "ok");   // the probe itself answered: the tool did not
    }

    [Fact]
    public void Capture_Host_User_Disks_AndFoldersAreFilled()
    {
        var snapshot = EnvCapture.Capture(Options(new() { ["PATH"] = "", ["HOME"] = Path.GetTempPath() }, []));

        Assert.True(snapshot.Host.CpuCount >= 1);
        Assert.NotEmpty(snapshot.Disks);
        Assert.Equal(snapshot.Disks.Count, snapshot.Disks.Select(d => d.Mount).Distinct().Count());
        Assert.Contains(snapshot.Folders, f => f.Role == "work" && f.FreeBytes > 0);
        Assert.Equal(1, snapshot.SchemaVersion);
    }

    internal static CaptureOptions Options(Dictionary<string, string> variables, IReadOnlyList<string> tools) =>
        new(tools, [], TimeSpan.FromSeconds(5)) { Variables = new Hashtable(variables), WorkFolder = Path.GetTempPath() };
}
