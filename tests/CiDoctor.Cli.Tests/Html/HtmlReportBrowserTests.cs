using OpenQA.Selenium;

namespace CiDoctor.Cli.Tests.Html;

/// <summary>
/// The HTML report as a person sees it: samples/nix-disk-full loaded from a file:// address in
/// headless Chromium. Console messages come from chromedriver's browser log
/// (<c>goog:loggingPrefs</c>, read with <c>Logs.GetLog</c>), which a probe page first shows to
/// catch both <c>console.error</c> and uncaught exceptions, so "no errors" cannot pass vacuously.
/// </summary>
public class HtmlReportBrowserTests(SampleReportPage page) : IClassFixture<SampleReportPage>
{
    private const string FailedJobSection = "job-2"; // nix (x86_64-linux), second in run.json

    [BrowserFact]
    public void Report_LoadedFromFile_LogsNoConsoleErrorOrWarning()
    {
        var driver = page.Driver;
        string probe = page.Dir.Write("probe.html", "<!DOCTYPE html><title>probe</title><script>console.error('probe-error'); notDefined();</script>");
        driver.Navigate().GoToUrl(new Uri(probe));
        var probeLog = driver.Manage().Logs.GetLog(LogType.Browser);
        Assert.Contains(probeLog, e => e.Level == LogLevel.Severe && e.Message.Contains("probe-error", StringComparison.Ordinal));
        Assert.Contains(probeLog, e => e.Level == LogLevel.Severe && e.Message.Contains("notDefined", StringComparison.Ordinal));

        Load();
        var problems = driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level >= LogLevel.Warning).ToList();

        Assert.True(problems.Count == 0, "console: " + string.Join("\n", problems.Select(e => $"{e.Level}: {e.Message}")));
        Assert.StartsWith("CI failure analysis", driver.Title, StringComparison.Ordinal);
        SaveScreenshotsWhenAsked();
    }

    [BrowserFact]
    public void Timeline_SampleRun_HasOneRowPerJobAndAMarkerOnEachFailedJob()
    {
        Load();

        var rows = page.Driver.FindElements(By.CssSelector("#timeline svg g.tl-row"));
        var failed = rows.Where(r => Classes(r).Contains("tl-failed")).ToList();

        Assert.Equal(11, rows.Count);
        Assert.Equal(["justfile-activation", "nix (aarch64-linux)", "nix (x86_64-linux)"], failed.Select(r => r.GetDomAttribute("data-job")).Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            var markers = row.FindElements(By.CssSelector(".tl-marker"));
            Assert.Equal(failed.Contains(row) ? 1 : 0, markers.Count);
        }
        var step = rows.Single(r => r.GetDomAttribute("data-job") == "nix (x86_64-linux)").FindElement(By.CssSelector("rect.tl-failed-step"));
        Assert.Contains("build all outputs via omnix", Text(step.FindElement(By.TagName("title"))), StringComparison.Ordinal);
        Assert.True(step.Displayed);
    }

    [BrowserFact]
    public void Timeline_ClickOnFailedJobRow_JumpsToItsSection()
    {
        Load();
        var driver = page.Driver;

        driver.FindElement(By.CssSelector("g.tl-row[data-job='justfile-activation'] .tl-track")).Click();

        string hash = driver.ExecuteScript("return location.hash;") as string ?? "";
        Assert.Matches("^#job-[0-9]+$", hash);
        var section = driver.FindElement(By.Id(hash[1..]));
        Assert.Contains("justfile-activation", section.FindElement(By.TagName("h2")).Text, StringComparison.Ordinal);
        Assert.True(InViewport(section), "the section was not scrolled into view");
    }

    [BrowserFact]
    public void Evidence_ClickOnDetails_RevealsSurroundingLines()
    {
        Load();
        var details = page.Driver.FindElement(By.CssSelector($"#{FailedJobSection} .evidence:has(#j2-L320) details.surrounding"));
        var surrounding = details.FindElement(By.Id("j2-L316"));
        Assert.False(surrounding.Displayed);

        details.FindElement(By.TagName("summary")).Click();

        Assert.NotNull(details.GetDomAttribute("open"));
        Assert.True(surrounding.Displayed);
        var numbers = details.FindElements(By.CssSelector("tr th a")).Select(a => long.Parse(a.Text, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range((int)numbers[0], numbers.Count).Select(n => (long)n), numbers);
        Assert.True(numbers[0] <= 315 && numbers[^1] >= 325, $"lines {numbers[0]}–{numbers[^1]} do not surround 320 by 5");
        Assert.Contains("Compiling", surrounding.Text + string.Concat(details.FindElements(By.CssSelector("td.text")).Select(t => t.Text)), StringComparison.Ordinal);
    }

    [BrowserFact]
    public void Anchor_ToEvidenceLine_TargetsAndShowsThatLine()
    {
        var driver = page.Driver;
        driver.Navigate().GoToUrl("about:blank");
        driver.Navigate().GoToUrl(page.Url("j2-L320"));

        Assert.Equal("j2-L320", (string?)driver.ExecuteScript("var t = document.querySelector(':target'); return t ? t.id : null;"));
        var row = driver.FindElement(By.Id("j2-L320"));
        Assert.Equal("320", row.FindElement(By.CssSelector("th a")).Text);
        Assert.Contains("No space left on device", row.Text, StringComparison.Ordinal);
        Assert.True(InViewport(row), "line 320 was not scrolled into view");

        // A line that is only among a closed group's surrounding lines: the page opens the group.
        driver.Navigate().GoToUrl(page.Url("j2-L316"));
        var hidden = driver.FindElement(By.Id("j2-L316"));
        Assert.True(hidden.Displayed, "the group holding line 316 was not opened");
        Assert.True(InViewport(hidden), "line 316 was not scrolled into view");
    }

    private void Load()
    {
        page.Driver.Navigate().GoToUrl("about:blank");
        page.Driver.Navigate().GoToUrl(page.Url());
    }

    private bool InViewport(IWebElement element) =>
        page.Driver.ExecuteScript("var r = arguments[0].getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight;", element) is true;

    private string Text(IWebElement element) => page.Driver.ExecuteScript("return arguments[0].textContent;", element) as string ?? "";

    private static string[] Classes(IWebElement element) => (element.GetDomAttribute("class") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// With <c>CIDOCTOR_SCREENSHOT=DIR</c>, writes the pictures docs/ shows (scripts/report-screenshot.sh):
    /// the top of the report at 1280×2000, and the evidence of the first failure with line 320's group open.
    /// </summary>
    private void SaveScreenshotsWhenAsked()
    {
        if (Environment.GetEnvironmentVariable("CIDOCTOR_SCREENSHOT") is not { Length: > 0 } folder)
        {
            return;
        }
        var driver = page.Driver;
        // The window's size includes the (invisible) browser frame: fix the page's viewport instead.
        driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new() { ["width"] = 1280, ["height"] = 2000, ["deviceScaleFactor"] = 1, ["mobile"] = false });
        Load();
        driver.GetScreenshot().SaveAsFile(Path.Combine(folder, "report-screenshot.png"));
        driver.FindElement(By.CssSelector($"#{FailedJobSection} .evidence:has(#j2-L320) details.surrounding summary")).Click();
        driver.ExecuteScript("document.getElementById('j2-L320').closest('.evidence').scrollIntoView({ block: 'start' }); window.scrollBy(0, -60);");
        driver.GetScreenshot().SaveAsFile(Path.Combine(folder, "report-evidence-screenshot.png"));
        driver.ExecuteCdpCommand("Emulation.clearDeviceMetricsOverride", []);
    }
}
