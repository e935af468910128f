using System.Text.Json.Nodes;
using CiDoctor.Testing;

namespace CiDoctor.Cli.Tests.Eval;

/// <summary><c>cidoctor eval DIR</c> on small hand-made case folders.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private const string DiskFull = "error: writing /tmp/build/out.o: No space left on device";
    private readonly TempDir _dir = new();

    public EvalCommandTests()
    {
        _dir.WriteCase("logchunks/C/o@r/1", EvalCaseWriter.Log("Compiling foo", "warning: unused", DiskFull, "make: *** [all] Error 1"),
            """{ "source": "logchunks", "error_lines": [[3, 3]], "context_lines": [] }""");
        _dir.WriteCase("issues/01-disk", EvalCaseWriter.Log("Sending build context", DiskFull, "Error processing tar file(exit status 1)"),
            """{ "source": "o/r#1", "category": "disk-full", "environmental": true, "evidence": ["No space left on device"], "red_herrings": ["Error processing tar file"] }""");
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Eval_TinyFolder_TablePerSetWithBaselines()
    {
        var result = CliRunner.Run("eval", _dir.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Contains("logchunks: 1 cases, 0 errors", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("issues: 1 cases, 0 errors", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  figure +CiDoctor +tail +keyword +n$", result.Stdout);
        Assert.Matches(@"(?m)^  hit@5 +1\.000 +1\.000 +1\.000 +1$", result.Stdout);
        Assert.Matches(@"(?m)^  kind_acc +1\.000 +1\.000 +- +- +1$", result.Stdout);
        Assert.Contains("in-process", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_Json_ScorePyKeysCountsAndResults()
    {
        var root = Json(CliRunner.Run("eval", _dir.Path, "--format", "json"));

        var figures = root["figures"]!.AsObject();
        Assert.Equal(1.0, (double)figures["logchunks.hit@5"]!);
        Assert.Equal(1.0, (double)figures["logchunks.base.keyword.hit@10"]!);
        Assert.Equal(1.0, (double)figures["issues.kind_acc"]!);
        Assert.Equal(1.0, (double)figures["issues.origin_acc"]!);
        Assert.Equal(0.0, (double)figures["issues.red_herring_rate"]!);
        Assert.Equal(1.0, (double)figures["issues.base.majority.kind_acc"]!);
        Assert.Equal(0.0, (double)figures["issues.errors"]!);
        Assert.DoesNotContain(figures, f => f.Key.EndsWith(".seconds", StringComparison.Ordinal));
        Assert.Equal(figures.Select(f => f.Key).Order(StringComparer.Ordinal), figures.Select(f => f.Key));
        Assert.Equal(1, (int)root["counts"]!["logchunks.hit@5"]!);
        Assert.True((bool)root["usePass"]!);
        Assert.Equal(2, (int)root["cases"]!);
        Assert.Equal(["issues/01-disk", "logchunks/C/o@r/1"], root["results"]!.AsArray().Select(r => (string)r!["case"]!));
        Assert.True((bool)root["timing"]!["inProcess"]!);
        Assert.NotNull(root["timing"]!["seconds"]!["issues.seconds"]);
    }

    [Fact]
    public void Eval_CauseLabelledSet_ReliabilityTableInEveryFormat()
    {
        var root = Json(CliRunner.Run("eval", _dir.Path, "--format", "json"));
        var text = CliRunner.Run("eval", _dir.Path).Stdout;
        var markdown = CliRunner.Run("eval", _dir.Path, "--format", "markdown").Stdout;

        // Only the issues case is cause-labelled; its disk-full cause is right, so its band is fully accurate.
        var reliability = Assert.Single(root["reliability"]!.AsArray())!;
        Assert.Equal("issues", (string)reliability["set"]!);
        Assert.Equal(1, (int)reliability["cases"]!);
        var filled = reliability["bands"]!.AsArray().Where(b => (int)b!["cases"]! > 0).ToList();
        var band = Assert.Single(filled)!;
        Assert.Equal(1.0, (double)band["kindAccuracy"]!);
        Assert.Equal(0.0, (double)reliability["confidentWrong"]!);
        Assert.Contains("reliability: accuracy per confidence band", text, StringComparison.Ordinal);
        Assert.Contains("expected calibration error", text, StringComparison.Ordinal);
        Assert.Contains("| confidence | cases | mean confidence | kind accuracy | origin accuracy |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_RunTwiceInParallel_SameOutputButTiming()
    {
        for (int i = 0; i < 6; i++)
        {
            _dir.WriteCase($"logchunks/C/o@r/x{i}", EvalCaseWriter.Log("step", $"error: case {i} failed", DiskFull),
                $$"""{ "source": "logchunks", "error_lines": [[{{i % 3 + 1}}, {{i % 3 + 1}}]] }""");
        }

        var first = Json(CliRunner.Run("eval", _dir.Path, "--format", "json", "--jobs", "3"));
        var second = Json(CliRunner.Run("eval", _dir.Path, "--format", "json", "--jobs", "1"));
        first.Remove("timing");
        second.Remove("timing");
        string markdown1 = CliRunner.Run("eval", _dir.Path, "--format", "markdown", "--jobs", "2").Stdout;
        string markdown2 = CliRunner.Run("eval", _dir.Path, "--format", "markdown").Stdout;

        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Equal(markdown1, markdown2);
        Assert.Contains("| hit@5 | **", markdown1, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_PassLog_DiffBaselinesAndNoPassNote()
    {
        _dir.WriteCase("cidiff/breakages/a_1", EvalCaseWriter.Log("Compiling foo 12", DiskFull, "Build failed in 3 s"),
            """{ "source": "cidiff", "error_lines": [[2, 2]], "context_lines": [[3, 3]] }""",
            EvalCaseWriter.Log("Compiling foo 9", "Build ok in 4 s"));

        var withPass = Json(CliRunner.Run("eval", _dir.Path, "--format", "json", "--set", "cidiff"));
        var noPass = CliRunner.Run("eval", _dir.Path, "--set", "cidiff", "--no-pass");

        Assert.Equal(1.0, (double)withPass["figures"]!["cidiff.base.diff.hit@5"]!);
        Assert.Equal(1.0, (double)withPass["figures"]!["cidiff.base.diff+keyword.p@10"]!);
        Assert.Equal(0, noPass.ExitCode);
        Assert.Contains("diff+keyword", noPass.Stdout, StringComparison.Ordinal);
        Assert.Contains("--no-pass", noPass.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_MalformedTruthAndEmptyLog_CaseErrorsRunGoesOn()
    {
        _dir.WriteCase("issues/02-bad", EvalCaseWriter.Log(DiskFull), """{ "source": "o/r#2", "environmental": "yes" }""");
        _dir.WriteCase("issues/03-empty", "", """{ "source": "o/r#3", "category": "oom", "environmental": true }""");

        var result = CliRunner.Run("eval", _dir.Path, "--format", "json");
        var root = Json(result);

        var errors = root["errors"]!.AsArray().Select(e => (string)e!).ToList();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("issues/02-bad: ", errors[0], StringComparison.Ordinal);
        Assert.Contains("truth.json", errors[0], StringComparison.Ordinal);
        Assert.Contains("environmental", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("issues/03-empty: ", errors[1], StringComparison.Ordinal);
        Assert.Contains("empty", errors[1], StringComparison.Ordinal);
        Assert.Equal(2.0, (double)root["figures"]!["issues.errors"]!);
        // The empty log scores as an empty diagnosis: kind and origin wrong.
        Assert.Equal(0.5, (double)root["figures"]!["issues.kind_acc"]!);
        Assert.Equal(0.5, (double)root["figures"]!["issues.origin_acc"]!);
    }

    [Fact]
    public void Eval_EmptyFolder_Exit2OneLine()
    {
        using var empty = new TempDir();
        empty.Write("notes/readme.txt", "no cases here");

        var result = CliRunner.Run("eval", empty.Path);

        AssertRefused(result, "no cases");
    }

    [Fact]
    public void Eval_MissingFolder_Exit2OneLine()
    {
        var result = CliRunner.Run("eval", _dir.File("nowhere"));

        AssertRefused(result, "no such folder");
    }

    [Fact]
    public void Eval_SetWithoutCases_Exit2OneLine()
    {
        var result = CliRunner.Run("eval", _dir.Path, "--set", "formats");

        AssertRefused(result, "no cases of set formats");
    }

    [Fact]
    public void Eval_MinGateShort_Exit1WithOneLine()
    {
        var result = CliRunner.Run("eval", _dir.Path, "--min", "issues.kind_acc=0.9", "--min", "logchunks.hit@5=1.5", "--max", "issues.red_herring_rate=0");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("cidoctor: eval fell short: logchunks.hit@5=1 < 1.5", Assert.Single(result.StderrLines));
        Assert.Contains("logchunks:", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_MinGateMissingFigure_Exit1()
    {
        var result = CliRunner.Run("eval", _dir.Path, "--min", "formats.kind_acc=0.5");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("formats.kind_acc=none < 0.5", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_BadGate_Exit2()
    {
        AssertRefused(CliRunner.Run("eval", _dir.Path, "--min", "issues.kind_acc"), "KEY=VALUE");
    }

    [Fact]
    public void Eval_OutFile_ReportWrittenNothingOnStdout()
    {
        string path = _dir.File("report.md");

        var result = CliRunner.Run("eval", _dir.Path, "--format", "markdown", "--out", path, "--set", "issues");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("# CiDoctor eval", File.ReadAllText(path), StringComparison.Ordinal);
    }

    private static JsonObject Json(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonNode.Parse(result.Stdout)!.AsObject();
    }

    private static void AssertRefused(CliResult result, string why)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        string line = Assert.Single(result.StderrLines);
        Assert.StartsWith("cidoctor: ", line, StringComparison.Ordinal);
        Assert.Contains(why, line, StringComparison.Ordinal);
    }
}
