using CiDoctor.Core.Evaluation;
using CiDoctor.Testing;

namespace CiDoctor.Core.Tests.Evaluation;

/// <summary>Case discovery as score.py's os.walk: pre-order, sorted, truth.json + fail.log, classified by source then top folder.</summary>
public sealed class EvalCaseFinderTests : IDisposable
{
    private readonly TempDir _dir = new();

    public EvalCaseFinderTests()
    {
        string log = EvalCaseWriter.Log("error: x");
        _dir.WriteCase("b/case2", log, """{ "source": "o/r#1", "category": "network" }""");
        _dir.WriteCase("a/case1", log, """{ "source": "logchunks", "error_lines": [[1, 1]] }""");
        _dir.WriteCase("a", log, """{ "source": "cidiff" }""");
        _dir.WriteCase("formats/gitlab/x", log, """{ "source": "gitlab" }""");
        _dir.WriteCase("c/bad", log, """{ "source": "o/r#2", "error_lines": "12" }""");
        _dir.WriteCase("A/upper", log, """{ "source": "o/r#3" }""");
        _dir.Write("d/only-fail/fail.log", log);
        _dir.Write("d/only-truth/truth.json", "{}");
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Find_Tree_PreOrderOrdinalAndClassified()
    {
        var cases = EvalCaseFinder.Find(_dir.Path);

        Assert.Equal(["A/upper", "a", "a/case1", "b/case2", "c/bad", "formats/gitlab/x"], cases.Select(c => c.Name));
        Assert.Equal(["issues", "cidiff", "logchunks", "issues", "issues", "formats"], cases.Select(c => c.Set));
        Assert.Equal("network", cases[3].Truth!.Category);
        Assert.Equal(new LineRange(1, 1), Assert.Single(cases[2].Truth!.ErrorLines));
    }

    [Fact]
    public void Find_MalformedTruth_CaseWithErrorNamingTheFile()
    {
        var bad = EvalCaseFinder.Find(_dir.Path).Single(c => c.Name == "c/bad");

        Assert.Null(bad.Truth);
        Assert.Contains(Path.Combine(_dir.Path, "c", "bad", "truth.json"), bad.TruthError, StringComparison.Ordinal);
        Assert.Contains("error_lines", bad.TruthError, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_InvalidJson_CaseWithError()
    {
        _dir.WriteCase("e/broken", "x\n", "{ nope");

        var broken = EvalCaseFinder.Find(_dir.Path).Single(c => c.Name == "e/broken");

        Assert.Contains("invalid JSON", broken.TruthError, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_SetAndLimit_FilterThenFirstN()
    {
        Assert.Equal(["a/case1"], EvalCaseFinder.Find(_dir.Path, EvalSets.LogChunks).Select(c => c.Name));
        Assert.Equal(["A/upper", "b/case2"], EvalCaseFinder.Find(_dir.Path, EvalSets.Issues, limit: 2).Select(c => c.Name));
    }

    [Fact]
    public void Find_RootIsACase_NamedDot()
    {
        using var single = new TempDir();
        single.WriteCase(".", "x\n", """{ "source": "o/r#1" }""");

        Assert.Equal(".", Assert.Single(EvalCaseFinder.Find(single.Path)).Name);
    }
}
