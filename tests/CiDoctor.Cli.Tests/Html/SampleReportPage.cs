using CiDoctor.Testing;
using OpenQA.Selenium.Chrome;

namespace CiDoctor.Cli.Tests.Html;

/// <summary>
/// The HTML report of samples/nix-disk-full (the seed-000 run: 11 jobs, 3 failed) written to a
/// temporary folder, and one headless Chromium for all the tests of a class, started on first use.
/// </summary>
public sealed class SampleReportPage : IDisposable
{
    private readonly Lazy<ChromeDriver> _driver = new(() => Browser.Start());

    public SampleReportPage()
    {
        Path = Dir.File("nix-disk-full.html");
        var result = CliRunner.Run("diagnose", System.IO.Path.Combine(Repo.Samples, "nix-disk-full"), "--format", "html", "--out", Path);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"diagnose --format html failed: {result.Stderr}");
        }
    }

    public TempDir Dir { get; } = new();

    /// <summary>The report file.</summary>
    public string Path { get; }

    /// <summary>The report's file:// address, with <paramref name="fragment"/> (no <c>#</c>) when given.</summary>
    public Uri Url(string? fragment = null) => new(new Uri(Path).AbsoluteUri + (fragment is null ? "" : "#" + fragment));

    public ChromeDriver Driver => _driver.Value;

    public void Dispose()
    {
        if (_driver.IsValueCreated)
        {
            _driver.Value.Quit();
        }
        Dir.Dispose();
    }
}
