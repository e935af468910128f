namespace CiDoctor.Cli.Tests.Html;

/// <summary>
/// A test that drives Chromium. Without chromium and chromedriver it is skipped, with the reason
/// in the test output (never a silent pass); under CI (<c>CI</c> set, as .ci/run runs) it is not
/// skipped, so a missing browser fails it: CI installs the browser and must run the check.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browser.Missing is { } why && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = why;
        }
    }
}
