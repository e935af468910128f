using System.Text;
using System.Text.RegularExpressions;
using CiDoctor.Testing;

namespace CiDoctor.Cli.Tests.Html;

/// <summary>The HTML report as a file: self-contained, well linked, encoded, and honest about what it lacks.</summary>
public partial class HtmlReportTests
{
    public static TheoryData<string> Samples() =>
        new(Directory.GetDirectories(Repo.Samples).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Html_Sample_LoadsNothingFromOutside(string sample)
    {
        string html = Html(Path.Combine(Repo.Samples, sample));

        Assert.DoesNotMatch(@"\ssrc\s*=", html);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Content-Security-Policy", html, StringComparison.Ordinal);
        // Links go to the page itself, or to the run on its CI system (navigation, not a load).
        Assert.All(Hrefs().Matches(html).Select(m => m.Groups[1].Value), href =>
            Assert.True(href.StartsWith('#') || href.StartsWith("https://", StringComparison.Ordinal), href));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Html_Sample_IdsAreUniqueAndEveryInternalLinkHasItsTarget(string sample)
    {
        string html = Html(Path.Combine(Repo.Samples, sample));

        var ids = Ids().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        var targets = ids.ToHashSet(StringComparer.Ordinal);
        foreach (string href in Hrefs().Matches(html).Select(m => m.Groups[1].Value).Where(h => h.StartsWith('#')))
        {
            Assert.Contains(href[1..], targets);
        }
    }

    [Fact]
    public void Html_NixDiskFull_AnchorsEvidenceAndSurroundingLines()
    {
        string html = Html(Path.Combine(Repo.Samples, "nix-disk-full"));

        // Line 320 is a cause line of the second job (nix (x86_64-linux)); 316 is only among its surrounding lines.
        Assert.Matches("<tr id=\"j2-L320\" class=\"cause\"><th scope=\"row\"><a href=\"#j2-L320\">320</a></th><td class=\"role\">cause</td><td class=\"text\">bws&gt; error: failed to build archive", html);
        Assert.Contains("<tr id=\"j2-L316\"><th scope=\"row\"><a href=\"#j2-L316\">316</a></th>", html, StringComparison.Ordinal);
        Assert.Contains("<summary>Surrounding lines 315–337</summary>", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(html, "class=\"tl-marker\""));
        Assert.Equal(11, Regex.Count(html, "<g class=\"tl-row"));
    }

    [Fact]
    public void Html_Stdin_ShowsEvidenceAndSaysSurroundingLinesAreNotAvailable()
    {
        byte[] log = Encoding.UTF8.GetBytes("building\nerror: writing /tmp/out.o: No space left on device\nexit status 1\n");

        var result = CliRunner.Run(log, "diagnose", "-", "--format", "html");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("No space left on device", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Surrounding lines are not available for this log (stdin cannot be read a second time).", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("<details", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("id=\"j1-L2\"", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_MarkupAndControlCharactersInTheLog_AreEncoded()
    {
        using var dir = new TempDir();
        string log = dir.Write("job \"<b>\".log", "step 1\nerror: <script>alert(1)</script> & \u0007 No space left on device\nexit status 1\n");

        var result = CliRunner.Run("diagnose", log, "--format", "html");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("<script>alert", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0007", result.Stdout, StringComparison.Ordinal);
        // The reader drops the BEL before anything renders; the renderer would show it as ␇.
        Assert.Contains("error: &lt;script&gt;alert(1)&lt;/script&gt; &amp;  No space left on device", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("job &quot;&lt;b&gt;&quot;.log", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_LogsWithoutTimes_PlacesStepsByLogLinesAndSaysSo()
    {
        using var dir = new TempDir();
        const string T = "2024-05-01T10:00:00.1234567Z ";
        dir.Write("run/build.txt", string.Join('\n',
        [
            T + "##[group]Run actions/checkout@v4", T + "Syncing repository: o/r", T + "##[endgroup]",
            T + "##[group]Run make", T + "make all", T + "##[endgroup]",
            T + "error: writing out.o: No space left on device", T + "##[error]Process completed with exit code 1.", "",
        ]));
        dir.Write("run/notes.log", "nothing to see\n");

        string html = Html(dir.File("run"));

        Assert.Contains("No job has start and end times, so bars are steps placed by their line ranges in each job's own log", html, StringComparison.Ordinal);
        Assert.Contains("A job with neither times nor steps is one bar.", html, StringComparison.Ordinal);
        Assert.Matches("<rect class=\"tl-bar tl-status-failed tl-failed-step\"[^>]*><title>Step “Run make”: failed, exit code 1, log lines 4–8 of 8</title>", html);
        Assert.Contains("<text x=\"250\" y=\"18\">first line</text>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_SameInputTwice_IsTheSameBytes()
    {
        string run = Path.Combine(Repo.Samples, "nix-disk-full");

        Assert.Equal(Html(run), Html(run));
    }

    [Fact]
    public void DiagnoseHelp_ListsHtmlFormat()
    {
        var result = CliRunner.Run("diagnose", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"--format[^\n]*html", result.Stdout);
    }

    private static string Html(string source)
    {
        var result = CliRunner.Run("diagnose", source, "--format", "html");
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Stdout;
    }

    [GeneratedRegex("\\shref=\"([^\"]*)\"")]
    private static partial Regex Hrefs();

    [GeneratedRegex("\\sid=\"([^\"]*)\"")]
    private static partial Regex Ids();
}
