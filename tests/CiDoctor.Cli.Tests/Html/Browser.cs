using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace CiDoctor.Cli.Tests.Html;

/// <summary>
/// The system's Chromium and its chromedriver (Debian packages <c>chromium</c> and
/// <c>chromium-driver</c>, installed by .ci/run), found on PATH. Both paths are given to Selenium
/// explicitly, so Selenium Manager never runs and nothing is downloaded.
/// </summary>
internal static class Browser
{
    public static string? ChromiumPath { get; } = FindOnPath("chromium", "chromium-browser");

    public static string? DriverPath { get; } = FindOnPath("chromedriver");

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public static string? Missing =>
        ChromiumPath is null || DriverPath is null
            ? $"{(ChromiumPath is null ? "chromium" : "chromedriver")} is not on PATH (apt-get install chromium chromium-driver; .ci/run does)"
            : null;

    /// <summary>A headless Chromium that keeps every console message for <see cref="ILogs.GetLog"/>.</summary>
    public static ChromeDriver Start(int width = 1280, int height = 2000)
    {
        if (Missing is { } why)
        {
            throw new InvalidOperationException(why);
        }
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath!));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", $"--window-size={width},{height}");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    private static string? FindOnPath(params string[] names)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (string name in names)
        {
            foreach (string folder in folders)
            {
                string path = Path.Combine(folder, name);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }
        return null;
    }
}
