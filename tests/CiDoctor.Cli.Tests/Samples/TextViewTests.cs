using CiDoctor.Testing;

namespace CiDoctor.Cli.Tests.Samples;

/// <summary>The terminal view: the run at a glance first, then the causes; nothing on stderr for a quick run.</summary>
public class TextViewTests
{
    [Fact]
    public void Diagnose_Run_ShowsOneLinePerJobInRunOrder_ThenEachFailure()
    {
        var (code, output, error) = Run("nix-disk-full");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        var lines = output.Split('\n');
        var glance = lines.SkipWhile(l => !l.StartsWith("✓ lint", StringComparison.Ordinal)).Take(11).ToList();
        Assert.Equal(11, glance.Count(l => l.StartsWith('✓') || l.StartsWith('✗')));
        Assert.Equal(3, glance.Count(l => l.StartsWith('✗')));
        Assert.StartsWith("✗ nix (x86_64-linux) — failed: Runner ran out of disk space (environment)", glance[1], StringComparison.Ordinal);
        Assert.StartsWith("✗ justfile-activation — failed:", glance[7], StringComparison.Ordinal);
        // After the glance, a section per failed job and the patterns across them.
        Assert.Contains(lines, l => l.StartsWith("✗ nix (x86_64-linux) — failed (step \"build all outputs via omnix\", exit code 1)", StringComparison.Ordinal));
        Assert.Contains("Across failures", output, StringComparison.Ordinal);
        Assert.Contains("Same cause in 2 jobs: Runner ran out of disk space", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_OneLog_HasNoGlanceList()
    {
        var (code, output, _) = Run("forgejo-tmpdir/check.log");

        Assert.Equal(0, code);
        Assert.DoesNotContain(output.Split('\n'), l => l.StartsWith('✓'));
        Assert.Contains("Root cause: Temporary directory missing or not writable", output, StringComparison.Ordinal);
    }

    private static (int Code, string Output, string Error) Run(string sample)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(["diagnose", Path.Combine(Repo.Samples, sample)], output, error, () => Stream.Null);
        return (code, output.ToString(), error.ToString());
    }
}
