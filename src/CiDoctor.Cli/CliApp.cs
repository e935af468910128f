using System.CommandLine;
using CiDoctor.Cli.Commands;
using CiDoctor.Core;

namespace CiDoctor.Cli;

/// <summary>
/// The composition root: builds the command tree and runs it. Every failure a user can fix is
/// one line on stderr and exit code 2; no stack trace reaches the user.
/// </summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error, Func<Stream> stdin) =>
        Run(args, output, error, stdin, Environment.GetEnvironmentVariable);

    /// <summary>Runs with <paramref name="env"/> as the environment (tests: a CI runner's variables without touching the process's).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, Func<Stream> stdin, Func<string, string?> env)
    {
        var context = new CliContext(output, error, stdin)
        {
            Interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected,
            ErrorInteractive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected,
            Env = env,
        };
        var root = BuildRoot(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line (DESIGN.md "Exit codes"): parser messages may span lines ("Must be one of:\n\t'text'…").
            string what = string.Join(" ", parse.Errors.Select(e => OneLine(e.Message)));
            error.WriteLine($"cidoctor: {what} Run 'cidoctor --help' for usage.");
            return ExitCodes.Failed;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CiDoctorException e)
        {
            // Messages quote user input (paths, zip entry names) that may itself hold line breaks.
            error.WriteLine($"cidoctor: {e.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or OutOfMemoryException)
        {
            error.WriteLine($"cidoctor: {e.Message.Split('\n')[0]}");
            return ExitCodes.Failed;
        }
    }

    /// <summary><c>"Must be one of:\n\t'a'\n\t'b'"</c> becomes <c>"Must be one of: 'a', 'b'"</c>.</summary>
    private static string OneLine(string message)
    {
        var lines = message.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        return lines.Length <= 1 ? string.Concat(lines) : lines[0] + " " + string.Join(", ", lines.Skip(1));
    }

    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("CiDoctor tells you why your CI failed: root cause, evidence lines, origin (environment, code, flaky, config), cascades, noise, and what to do.");
        root.Add(DiagnoseCommand.Build(context));
        root.Add(CatalogCommand.Build(context));
        root.Add(EvalCommand.Build(context));
        root.Add(EnvCommand.Build(context));
        root.Add(FetchCommand.Build(context));
        root.Add(DiffCommand.Build(context));
        root.Add(HistoryCommand.Build(context));
        return root;
    }
}
