using System.Globalization;
namespace CiDoctor.Cli.Tests;

/// <summary>What one in-process run of the CLI produced.</summary>
public readonly record struct CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The non-empty lines of <see cref="Stderr"/>.</summary>
    public IReadOnlyList<string> StderrLines =>
        Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}

/// <summary>
/// Runs <c>cidoctor</c> in-process through <c>CliApp.Run</c> with captured stdout and
/// stderr and an optional stdin, so end-to-end tests need no child process.
/// </summary>
public static class CliRunner
{
    /// <summary>Runs the CLI with an empty stdin.</summary>
    public static CliResult Run(params string[] args) => Run(stdin: null, args);

    /// <summary>Runs the CLI; <paramref name="stdin"/> is what <c>-</c> reads (empty when null).</summary>
    public static CliResult Run(byte[]? stdin, params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        byte[] input = stdin ?? [];
        int code = CliApp.Run(args, output, error, () => new MemoryStream(input, writable: false));
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Runs the CLI with exactly <paramref name="env"/> as its environment (a CI runner's variables),
    /// so a test never reads or writes the real <c>GITHUB_STEP_SUMMARY</c> of the machine running it.
    /// </summary>
    public static CliResult RunWithEnv(IReadOnlyDictionary<string, string> env, params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        int code = CliApp.Run(args, output, error, () => new MemoryStream([], writable: false), name => env.GetValueOrDefault(name));
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
