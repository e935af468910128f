using System.CommandLine;
using CiDoctor.Cli.Rendering;
using CiDoctor.Core;
using CiDoctor.Core.Diff;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;

namespace CiDoctor.Cli.Commands;

/// <summary><c>cidoctor diff PASS_LOG FAIL_LOG</c>: the lines of a failing log that a passing log of the same job does not have.</summary>
public static class DiffCommand
{
    /// <summary>The <c>--format</c> names (<see cref="CliRenderers.Diffs"/>).</summary>
    public static IReadOnlyList<string> Formats => CliRenderers.Diffs.Names;

    public static Command Build(CliContext context)
    {
        var pass = new Argument<string>("PASS_LOG") { Description = "A log of a passing run of the job." };
        var fail = new Argument<string>("FAIL_LOG") { Description = "A log of a failing run of the same job." };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong([.. Formats]);
        var ci = new Option<string?>("--ci") { Description = "The format of both logs, when detection gets it wrong.", HelpName = "NAME" };
        ci.AcceptOnlyFromAmong([.. Names.CiSystems]);
        var output = new Option<string?>("--out", "-o") { Description = "Write the diff to FILE (replaced) instead of stdout.", HelpName = "FILE" };

        var command = new Command("diff", "Show what is new in a failing log compared with a passing log of the same job (times, ids and counts masked; moved and updated lines not reported).")
        {
            pass, fail, format, ci, output,
        };
        command.SetAction(parse => Run(context, new DiffOptions(
            parse.GetValue(pass)!,
            parse.GetValue(fail)!,
            parse.GetValue(format) ?? "text",
            parse.GetValue(ci),
            parse.GetValue(output))));
        return command;
    }

    public static int Run(CliContext context, DiffOptions options)
    {
        var diff = LogDiff.Compare(Source(options.PassLog, "PASS_LOG"), Source(options.FailLog, "FAIL_LOG"), new LogDiffOptions { Ci = options.Ci });
        var renderer = CliRenderers.Diffs.Create(options.Format, CliRenderers.Target(context, options.Out));
        OutputWriter.Write(options.Out, context.Out, w => renderer.Render(diff, w));
        return ExitCodes.Done;
    }

    // Files only: the diff reads each log twice (hashes first, then the few texts it reports).
    private static LogSource Source(string path, string what)
    {
        if (path == "-")
        {
            throw new CiDoctorException($"{what}: diff reads each log twice, so stdin (-) cannot be used; save the log to a file first");
        }
        if (!File.Exists(path))
        {
            throw new CiDoctorException($"{what} {path}: no such file; pass a log file");
        }
        return LogSource.FromFile(path, Path.GetFileName(path));
    }
}
