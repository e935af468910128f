using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CiDoctor.Testing;

namespace CiDoctor.Cli.Tests.Eval;

/// <summary>
/// <c>cidoctor eval</c> reports the figures of the reference scorer (<c>score.py</c>, which runs
/// <c>diagnose --format json</c> in a process per case) on the same cases. A subset keeps the
/// suite fast; <c>CIDOCTOR_EVAL_FULL=1</c> compares whole sets.
/// </summary>
public class ScorePyAgreementTests
{
    [ScorePyTheory]
    [InlineData("issues", 8, true)]
    [InlineData("cidiff", 3, true)]
    [InlineData("cidiff", 2, false)]
    [InlineData("logchunks", 4, true)]
    public void Eval_DevCases_SameFiguresAsScorePy(string set, int limit, bool withPass)
    {
        if (Environment.GetEnvironmentVariable("CIDOCTOR_EVAL_FULL") == "1")
        {
            limit = 0;
        }
        string dev = Repo.EvalDev!;
        var expected = ScorePy(dev, set, limit, withPass);

        var args = new List<string> { "eval", dev, "--set", set, "--format", "json", "--limit", limit.ToString(CultureInfo.InvariantCulture) };
        if (!withPass)
        {
            args.Add("--no-pass");
        }
        var result = CliRunner.Run([.. args]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var actual = JsonNode.Parse(result.Stdout)!["figures"]!.AsObject().ToDictionary(p => p.Key, p => (double)p.Value!);

        // score.py's seconds include process start; eval reports in-process seconds under "timing".
        var keys = expected.Keys.Where(k => !k.EndsWith(".seconds", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(keys, actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(keys, k => Assert.True(Math.Abs(expected[k] - actual[k]) < 1e-9, $"{k}: score.py {expected[k]}, eval {actual[k]}"));
    }

    private static Dictionary<string, double> ScorePy(string dev, string set, int limit, bool withPass)
    {
        // The CLI next to the tests (copied with its runtimeconfig), run as score.py runs any build.
        string dll = Path.Combine(AppContext.BaseDirectory, "cidoctor.dll");
        Assert.False(dll.Contains(' ', StringComparison.Ordinal), "score.py splits --cmd on spaces: " + dll);
        string json = Path.Combine(Path.GetTempPath(), $"cidoctor-score-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo(ScorePyTheoryAttribute.Python!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string a in new[] { Repo.EvalScorer!, "--cmd", $"dotnet {dll}", "--root", dev, "--set", set, "--jobs", "2", "--json", json })
        {
            start.ArgumentList.Add(a);
        }
        if (limit > 0)
        {
            start.ArgumentList.Add("--limit");
            start.ArgumentList.Add(limit.ToString(CultureInfo.InvariantCulture));
        }
        if (withPass)
        {
            start.ArgumentList.Add("--with-pass");
        }
        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"score.py exit {process.ExitCode}: {stdout} {stderr.Result}");
            return JsonNode.Parse(File.ReadAllText(json))!["figures"]!.AsObject().ToDictionary(p => p.Key, p => (double)p.Value!);
        }
        finally
        {
            File.Delete(json);
        }
    }
}
