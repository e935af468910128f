using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CiDoctor.Testing;

namespace CiDoctor.Cli.Tests;

/// <summary>DESIGN.md "JSON output contract": every field, with its JSON type, for a small failing run.</summary>
public partial class JsonContractTests
{
    private const string BwsDrv = "/nix/store/0c7f5gfxbq2hd1r4r1mxdgsm0q7k8z3a-bws-1.0.0.drv";
    private const string HomeDrv = "/nix/store/9x2kqmd1l0w3a8b7c6d5e4f3g2h1j0k9-home-manager-path.drv";
    private const string DiskFull =
        "bws> error: failed to build archive at `/mnt/tmp.p1FEIiDgsc/nix-build-bws-1.0.0.drv-0/source/target/release/deps/libobject.rlib`: No space left on device (os error 28)";

    private const string RunJson = """
        {
          "provider": "github", "repository": "o/r", "runId": "18500875303", "attempt": 1,
          "workflow": "ci", "branch": "beta", "commit": "a973a5a4c1e27d0b9f3e6c58d2b1a40f7e9c3d21", "event": "push",
          "startedAt": "2025-10-14T10:00:00Z", "url": "https://github.com/o/r/actions/runs/18500875303",
          "jobs": [
            { "id": "52717126950", "name": "lint", "status": "passed", "log": "lint.log", "durationSeconds": 89 },
            { "id": "52717127025", "name": "nix (x86_64-linux)", "status": "failed", "log": "nix-x86_64.log",
              "durationSeconds": 484,
              "steps": [ { "name": "checkout", "status": "passed", "exitCode": 0 },
                         { "name": "build all outputs via omnix", "status": "failed", "exitCode": 1 } ],
              "annotations": [ { "level": "failure", "message": "Process completed with exit code 1." } ] },
            { "id": "52717127100", "name": "deploy", "status": "failed", "log": "deploy.log", "needs": ["nix (x86_64-linux)"],
              "durationSeconds": 20,
              "steps": [ { "name": "download artifact", "status": "failed", "exitCode": 1 } ] }
          ]
        }
        """;

    [Fact]
    public void Diagnose_FailingRun_TopLevelFieldsHaveContractTypes()
    {
        var root = DiagnoseRun();

        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("schemaVersion").ValueKind);
        var sources = root.GetProperty("sources");
        Assert.Equal(JsonValueKind.Array, sources.ValueKind);
        Assert.Equal(JsonValueKind.String, Assert.Single(sources.EnumerateArray()).ValueKind);

        var run = root.GetProperty("run");
        Assert.Equal(JsonValueKind.Object, run.ValueKind);
        Assert.Equal("github", run.GetProperty("provider").GetString());
        Assert.Equal("o/r", run.GetProperty("repository").GetString());
        Assert.Equal("18500875303", run.GetProperty("runId").GetString());
        Assert.Equal("ci", run.GetProperty("workflow").GetString());
        Assert.Equal("beta", run.GetProperty("branch").GetString());
        Assert.Equal("a973a5a4c1e27d0b9f3e6c58d2b1a40f7e9c3d21", run.GetProperty("commit").GetString());
        Assert.Equal("push", run.GetProperty("event").GetString());
        Assert.Equal("2025-10-14T10:00:00Z", run.GetProperty("startedAt").GetString());

        var summary = root.GetProperty("summary");
        Assert.Equal(3, summary.GetProperty("jobs").GetInt32());
        Assert.Equal(2, summary.GetProperty("failedJobs").GetInt32());
        Assert.Equal(1, summary.GetProperty("passedJobs").GetInt32());
        Assert.Equal(1, summary.GetProperty("rootCauses").GetInt32());
        Assert.Equal(JsonValueKind.False, summary.GetProperty("independent").ValueKind);
        Assert.Equal(JsonValueKind.False, summary.GetProperty("earlyFailure").ValueKind);

        Assert.Equal(3, root.GetProperty("jobs").GetArrayLength());
    }

    [Fact]
    public void Diagnose_FailingRun_EveryJobHasEveryFieldWithItsType()
    {
        var root = DiagnoseRun();

        foreach (var job in root.GetProperty("jobs").EnumerateArray())
        {
            AssertKind(job, "name", JsonValueKind.String);
            AssertKind(job, "id", JsonValueKind.String, JsonValueKind.Null);
            AssertKind(job, "file", JsonValueKind.String, JsonValueKind.Null);
            Assert.Contains(job.GetProperty("status").GetString(), new[] { "failed", "passed", "cancelled", "skipped", "unknown" });
            AssertKind(job, "failedStep", JsonValueKind.String, JsonValueKind.Null);
            AssertKind(job, "exitCode", JsonValueKind.Number, JsonValueKind.Null);
            Assert.Contains(job.GetProperty("origin").GetString(), new[] { "environment", "code", "flaky", "config", "unknown" });
            AssertKind(job, "rootCause", JsonValueKind.Object, JsonValueKind.Null);
            AssertKind(job, "evidence", JsonValueKind.Array);
            AssertKind(job, "cascadeOf", JsonValueKind.String, JsonValueKind.Null);
            AssertKind(job, "cascades", JsonValueKind.Array);
            AssertKind(job, "noise", JsonValueKind.Array);
            AssertKind(job, "history", JsonValueKind.Object, JsonValueKind.Null);
            foreach (var e in job.GetProperty("evidence").EnumerateArray())
            {
                AssertEvidence(e);
            }
            foreach (var c in job.GetProperty("cascades").EnumerateArray())
            {
                AssertKind(c, "name", JsonValueKind.String);
                AssertKind(c, "path", JsonValueKind.String);
                AssertKind(c, "causedBy", JsonValueKind.String);
            }
            foreach (var n in job.GetProperty("noise").EnumerateArray())
            {
                AssertKind(n, "line", JsonValueKind.Number);
                AssertKind(n, "text", JsonValueKind.String);
                AssertKind(n, "id", JsonValueKind.String);
            }
        }
    }

    [Fact]
    public void Diagnose_FailingJob_HasRootCauseEvidenceCascadesAndNoise()
    {
        var job = Job(DiagnoseRun(), "nix (x86_64-linux)");

        Assert.Equal("52717127025", job.GetProperty("id").GetString());
        Assert.Equal("nix-x86_64.log", job.GetProperty("file").GetString());
        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Equal("build all outputs via omnix", job.GetProperty("failedStep").GetString());
        Assert.Equal(1, job.GetProperty("exitCode").GetInt32());
        Assert.Equal("environment", job.GetProperty("origin").GetString());

        var rc = job.GetProperty("rootCause");
        Assert.Equal("resource.disk-full", rc.GetProperty("id").GetString());
        Assert.Equal("disk-full", rc.GetProperty("kind").GetString());
        AssertKind(rc, "title", JsonValueKind.String);
        AssertKind(rc, "confidence", JsonValueKind.Number);
        AssertKind(rc, "explanation", JsonValueKind.String);
        AssertKind(rc, "factors", JsonValueKind.Array);
        Assert.All(rc.GetProperty("factors").EnumerateArray(), f => Assert.Equal(JsonValueKind.String, f.ValueKind));
        Assert.NotEqual(0, rc.GetProperty("factors").GetArrayLength());
        AssertKind(rc, "actions", JsonValueKind.Array);
        Assert.NotEqual(0, rc.GetProperty("actions").GetArrayLength());
        foreach (var a in rc.GetProperty("actions").EnumerateArray())
        {
            Assert.Contains(a.GetProperty("when").GetString(), new[] { "immediate", "short-term", "long-term" });
            Assert.Contains(a.GetProperty("effort").GetString(), new[] { "minutes", "hours", "days", "weeks" });
            Assert.False(string.IsNullOrWhiteSpace(a.GetProperty("text").GetString()));
        }
        AssertKind(rc, "principle", JsonValueKind.String, JsonValueKind.Null);

        var evidence = job.GetProperty("evidence").EnumerateArray().ToArray();
        Assert.Equal(5, evidence[0].GetProperty("line").GetInt64());
        Assert.Equal(DiskFull, evidence[0].GetProperty("text").GetString());
        Assert.Equal("cause", evidence[0].GetProperty("role").GetString());
        Assert.Equal("nix-x86_64.log", evidence[0].GetProperty("file").GetString());
        Assert.Contains(evidence, e => e.GetProperty("role").GetString() == "context" && e.GetProperty("line").GetInt64() == 4);
        var annotation = Assert.Single(evidence, e => e.GetProperty("source").GetString() == "annotation");
        Assert.Equal(JsonValueKind.Null, annotation.GetProperty("line").ValueKind);
        Assert.Equal("Process completed with exit code 1.", annotation.GetProperty("text").GetString());

        var cascade = Assert.Single(job.GetProperty("cascades").EnumerateArray());
        Assert.Equal("home-manager-path.drv", cascade.GetProperty("name").GetString());
        Assert.Equal(HomeDrv, cascade.GetProperty("path").GetString());
        Assert.Equal("bws-1.0.0.drv", cascade.GetProperty("causedBy").GetString());

        var noise = Assert.Single(job.GetProperty("noise").EnumerateArray());
        Assert.Equal(2, noise.GetProperty("line").GetInt64());
        Assert.Equal("cache.private-401", noise.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("cascadeOf").ValueKind);
        Assert.Equal(JsonValueKind.Null, job.GetProperty("history").ValueKind);
    }

    [Fact]
    public void Diagnose_FailingJob_CauseEvidencePrecedesContext()
    {
        var evidence = Job(DiagnoseRun(), "nix (x86_64-linux)").GetProperty("evidence").EnumerateArray()
            .Select(e => e.GetProperty("role").GetString()).ToList();

        Assert.Contains("cause", evidence);
        Assert.Contains("context", evidence);
        Assert.True(evidence.LastIndexOf("cause") < evidence.IndexOf("context"), string.Join(", ", evidence));
        Assert.All(evidence, r => Assert.Contains(r, new[] { "cause", "context" }));
    }

    [Fact]
    public void Diagnose_JobNeedingFailedJob_IsItsCascade()
    {
        var job = Job(DiagnoseRun(), "deploy");

        Assert.Equal("nix (x86_64-linux)", job.GetProperty("cascadeOf").GetString());
        Assert.Equal("download artifact", job.GetProperty("failedStep").GetString());
    }

    [Fact]
    public void Diagnose_PassingJob_IsListedWithNullRootCauseAndNoEvidence()
    {
        var job = Job(DiagnoseRun(), "lint");

        Assert.Equal("passed", job.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("rootCause").ValueKind);
        Assert.Equal(0, job.GetProperty("evidence").GetArrayLength());
        Assert.Equal(0, job.GetProperty("cascades").GetArrayLength());
    }

    [Fact]
    public void Diagnose_Confidence_HasAtMostTwoDecimals()
    {
        var root = DiagnoseRun();

        foreach (var job in root.GetProperty("jobs").EnumerateArray().Where(j => j.GetProperty("rootCause").ValueKind == JsonValueKind.Object))
        {
            var confidence = job.GetProperty("rootCause").GetProperty("confidence");
            Assert.Matches(TwoDecimals(), confidence.GetRawText());
            double value = confidence.GetDouble();
            Assert.InRange(value, 0, 1);
            Assert.Equal(Math.Round(value, 2), value);
        }
    }

    [Fact]
    public void Diagnose_NoRecognisableFailure_RootCauseNullOriginFromStructure()
    {
        using var dir = new TempDir();
        string log = dir.Write("job.log", "Run ./check.sh\nchecking widgets\nerror: the frobnicator returned an unexpected value 42\nexit status 3\n");

        var job = Diagnose(log).GetProperty("jobs")[0];

        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("rootCause").ValueKind);
        // Issue 15: no mode matched, but the job's own command prints the error and nothing points
        // at the runner, so the origin comes from the structure.
        Assert.Equal("code", job.GetProperty("origin").GetString());
        var cause = job.GetProperty("evidence")[0];
        Assert.Equal("cause", cause.GetProperty("role").GetString());
        Assert.Equal(3, cause.GetProperty("line").GetInt64());
        Assert.Equal("error: the frobnicator returned an unexpected value 42", cause.GetProperty("text").GetString());
    }

    [Fact]
    public void Diagnose_LogSaysNothing_RootCauseNullOriginUnknown()
    {
        using var dir = new TempDir();
        string log = dir.Write("job.log", "checking widgets\nwidgets checked\n");

        var job = Diagnose(log).GetProperty("jobs")[0];

        Assert.Equal(JsonValueKind.Null, job.GetProperty("rootCause").ValueKind);
        Assert.Equal("unknown", job.GetProperty("origin").GetString());
    }

    [Fact]
    public void Diagnose_BareLog_RunFieldsAreNullAndFileIsName()
    {
        using var dir = new TempDir();
        string log = dir.Write("job.log", "error: writing /tmp/out.o: No space left on device\n");

        var root = Diagnose(log);

        Assert.Equal(log, Assert.Single(root.GetProperty("sources").EnumerateArray()).GetString());
        foreach (string field in new[] { "provider", "repository", "runId", "workflow", "branch", "commit", "event", "startedAt" })
        {
            Assert.Equal(JsonValueKind.Null, root.GetProperty("run").GetProperty(field).ValueKind);
        }
        var job = root.GetProperty("jobs")[0];
        Assert.Equal("job.log", job.GetProperty("file").GetString());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("id").ValueKind);
        Assert.Equal(0, job.GetProperty("cascades").GetArrayLength());
        Assert.Equal(0, job.GetProperty("noise").GetArrayLength());
    }

    [Fact]
    public void Diagnose_LineLongerThan2000Chars_TextIsCutWithEllipsis()
    {
        using var dir = new TempDir();
        string head = "error: writing /tmp/out.o: No space left on device; files: ";
        string line = head + string.Concat(Enumerable.Range(0, 400).Select(i => $"f{i.ToString(CultureInfo.InvariantCulture)}.o "));
        Assert.True(line.Length > 2000);
        string log = dir.Write("job.log", "Run make\n" + line + "\n");

        var cause = Diagnose(log).GetProperty("jobs")[0].GetProperty("evidence")[0];

        string text = cause.GetProperty("text").GetString()!;
        Assert.Equal(2, cause.GetProperty("line").GetInt64());
        Assert.Equal(2000, text.Length);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
        Assert.Equal(line[..1999], text[..1999]);
    }

    [Fact]
    public void Diagnose_LineOfExactly2000Chars_IsNotCut()
    {
        using var dir = new TempDir();
        string head = "error: writing /tmp/out.o: No space left on device ";
        string line = head + new string('x', 2000 - head.Length);
        string log = dir.Write("job.log", line + "\n");

        var cause = Diagnose(log).GetProperty("jobs")[0].GetProperty("evidence")[0];

        Assert.Equal(line, cause.GetProperty("text").GetString());
    }

    [Fact]
    public void Diagnose_Json_IsOneDocumentEndingWithNewline()
    {
        using var dir = new TempDir();
        string log = dir.Write("job.log", "error: writing /tmp/out.o: No space left on device\n");

        var result = CliRunner.Run("diagnose", log, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("}\n", result.Stdout, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
    }

    private static void AssertEvidence(JsonElement e)
    {
        AssertKind(e, "line", JsonValueKind.Number, JsonValueKind.Null);
        AssertKind(e, "text", JsonValueKind.String);
        Assert.Contains(e.GetProperty("role").GetString(), new[] { "cause", "context" });
        string? source = e.GetProperty("source").GetString();
        Assert.Contains(source, new[] { "log", "annotation", "snapshot" });
        if (source == "log")
        {
            Assert.True(e.GetProperty("line").GetInt64() >= 1);
            AssertKind(e, "file", JsonValueKind.String);
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, e.GetProperty("line").ValueKind);
        }
        Assert.True(e.GetProperty("text").GetString()!.Length <= 2000);
    }

    private static void AssertKind(JsonElement parent, string name, params JsonValueKind[] allowed)
    {
        Assert.True(parent.TryGetProperty(name, out var value), $"missing field '{name}' in {parent}");
        Assert.True(allowed.Contains(value.ValueKind), $"'{name}' is {value.ValueKind}, expected {string.Join(" or ", allowed)}");
    }

    private static JsonElement Job(JsonElement root, string name) =>
        Assert.Single(root.GetProperty("jobs").EnumerateArray(), j => j.GetProperty("name").GetString() == name);

    private static JsonElement DiagnoseRun()
    {
        using var dir = new TempDir();
        string run = dir.CreateFolder("run");
        dir.Write("run/run.json", RunJson);
        dir.Write("run/lint.log", "Run nix fmt -- --check\nAll files formatted.\n");
        dir.Write("run/nix-x86_64.log", string.Join('\n',
            "copying path '/nix/store/1a2b3c4d5e6f7g8h9i0j1k2l3m4n5o6p-source' from 'https://cache.nixos.org'...",
            "warning: unable to download 'https://cache.example.com/nix-cache-info': HTTP error 401",
            $"building '{BwsDrv}'...",
            "/dev/root        72G   72G     0 100% /",
            DiskFull,
            $"error: builder for '{BwsDrv}' failed with exit code 101",
            $"error: 1 dependencies of derivation '{HomeDrv}' failed to build",
            ""));
        dir.Write("run/deploy.log", "Run actions/download-artifact@v4\nerror: Unable to download artifact(s): Artifact not found for name: outputs\n");
        return Diagnose(run);
    }

    private static JsonElement Diagnose(string source)
    {
        var result = CliRunner.Run("diagnose", source, "--format", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("", result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    [GeneratedRegex(@"^(0|1)(\.\d{1,2})?$", RegexOptions.None, 1000)]
    private static partial Regex TwoDecimals();
}
