using System.CommandLine;
using CiDoctor.Core;
using CiDoctor.Core.Reports;
using CiDoctor.History;
using CiDoctor.History.Flaky;
using CiDoctor.History.Records;

namespace CiDoctor.Cli.Commands;

/// <summary><c>cidoctor history flaky</c>: every job (and its unhealthy tests) classified over the last runs.</summary>
public static class HistoryFlakyCommand
{
    public static Command Build(CliContext context)
    {
        var db = HistoryCommand.DbOption(HistoryCommand.DbHelp);
        var branch = new Option<string?>("--branch") { Description = "Only runs on this branch (default: every branch).", HelpName = "BRANCH" };
        var repository = new Option<string?>("--repository") { Description = "Only runs of this repository (owner/name).", HelpName = "REPO" };
        var window = new Option<int>("--window") { Description = "How many of the latest runs to look at.", DefaultValueFactory = _ => 50, HelpName = "N" };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong([.. FlakyRenderers.All.Names]);
        var steps = new Option<bool>("--steps") { Description = "Also list steps that are not healthy." };
        var command = new Command("flaky", "Classify jobs and tests over the last runs: healthy, flaky, persistent (first bad run and commit), intermittent; rotating failures.")
        {
            db, branch, repository, window, format, steps,
        };
        command.SetAction(parse => Run(context, new HistoryFlakyOptions(parse.GetValue(db), parse.GetValue(branch), parse.GetValue(repository),
            parse.GetValue(window), parse.GetValue(format) ?? "text", parse.GetValue(steps))));
        return command;
    }

    public static int Run(CliContext context, HistoryFlakyOptions options)
    {
        if (options.Window < 1)
        {
            throw new CiDoctorException($"--window {options.Window}: must be at least 1 run");
        }
        using var store = RunStores.OpenReadOnly(RunStores.Chosen(options.Db) ?? RunStores.DefaultPath());
        var entries = HistoryAnalyzer.Entries(store.Window(new RunFilter(options.Branch, options.Repository, options.Window)), options.Steps);
        FlakyRenderers.All.Create(options.Format, new RenderTarget()).Render(new FlakyReport(entries, options.Steps), context.Out);
        return ExitCodes.Done;
    }
}
