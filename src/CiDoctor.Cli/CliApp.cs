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
    public static int Run(string[] args, TextWriter output, TextWriter error, Func<Stream> stdin)
    {
        var context = new CliContext(output, error, stdin)
        {
            Interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected,
        };
        var root = BuildRoot(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                error.WriteLine($"cidoctor: {e.Message}");
            }
            error.WriteLine("Run 'cidoctor --help' for usage.");
            return ExitCodes.Failed;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CiDoctorException e)
        {
            error.WriteLine($"cidoctor: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or OutOfMemoryException)
        {
            error.WriteLine($"cidoctor: {e.Message.Split('\n')[0]}");
            return ExitCodes.Failed;
        }
    }

    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("CiDoctor tells you why your CI failed: root cause, evidence lines, origin (environment, code, flaky, config), cascades, noise, and what to do.");
        root.Add(DiagnoseCommand.Build(context));
        root.Add(CatalogCommand.Build(context));
        return root;
    }
}
