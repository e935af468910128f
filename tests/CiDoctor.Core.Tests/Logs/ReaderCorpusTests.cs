using System.Text.Json;
using CiDoctor.Core.Model;

namespace CiDoctor.Core.Tests.Logs;

/// <summary>
/// Every <c>tests/corpus/&lt;ci&gt;/&lt;case&gt;/job.log</c> read with format detection must give the
/// facts in its <c>expected.json</c>: ci, failedStep, exitCode, status and the number of steps.
/// </summary>
public sealed class ReaderCorpusTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (string name in LogTestKit.Cases())
        {
            data.Add(name);
        }
        return data;
    }

    [Fact]
    public void Cases_Corpus_CoversEveryReader()
    {
        var cis = LogTestKit.Cases().Select(c => c.Split('/')[0]).ToHashSet();
        foreach (string ci in new[] { "github", "gitlab", "forgejo", "jenkins", "travis", "buildkite", "drone", "nix" })
        {
            Assert.Contains(ci, cis);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_CorpusCase_MatchesExpected(string caseName)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(LogTestKit.CorpusRoot, caseName, "expected.json")));
        var root = expected.RootElement;

        var result = LogTestKit.ReadCase(caseName);

        Assert.Equal(root.GetProperty("ci").GetString(), result.Job.Ci);
        Assert.Equal(root.GetProperty("failedStep").GetString(), result.FailedStepName);
        Assert.Equal(IntOrNull(root.GetProperty("exitCode")), result.Job.ExitCode);
        Assert.Equal(root.GetProperty("status").GetString(), Names.Of(result.Job.Status));
        Assert.Equal(root.GetProperty("steps").GetInt32(), result.Job.Steps.Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_CorpusCase_KeepsOriginalLineNumbersAndCleanText(string caseName)
    {
        var raw = LogTestKit.RawLines(caseName);

        var result = LogTestKit.ReadCase(caseName);

        Assert.Equal(raw.Length, result.Lines.Count);
        for (int i = 0; i < result.Lines.Count; i++)
        {
            var line = result.Lines[i];
            Assert.Equal(i + 1, line.Number);
            Assert.DoesNotContain('\u001b', line.Text);
            Assert.DoesNotContain('\r', line.Text);
            Assert.InRange(line.Step, -1, result.Job.Steps.Count - 1);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_CorpusCase_StepsCoverTheirLinesInOrder(string caseName)
    {
        var result = LogTestKit.ReadCase(caseName);

        for (int i = 0; i < result.Job.Steps.Count; i++)
        {
            var step = result.Job.Steps[i];
            Assert.Equal(i, step.Index);
            Assert.True(step.FirstLine <= step.LastLine, $"{step.Name}: {step.FirstLine} > {step.LastLine}");
            Assert.Equal(i, result.Lines[(int)step.FirstLine - 1].Step);
        }
    }

    private static int? IntOrNull(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? null : element.GetInt32();
}
