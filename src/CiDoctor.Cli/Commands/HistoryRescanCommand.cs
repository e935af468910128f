using System.CommandLine;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Model;
using CiDoctor.History;
using CiDoctor.History.Rescan;

namespace CiDoctor.Cli.Commands;

/// <summary><c>cidoctor history rescan</c>: re-diagnose stored failed jobs with the current catalog.</summary>
public static class HistoryRescanCommand
{
    public static Command Build(CliContext context)
    {
        var db = HistoryCommand.DbOption(HistoryCommand.DbHelp);
        var catalog = new Option<string[]>("--catalog") { Description = "A folder of extra catalog modes (adds, or overrides by id); may repeat.", HelpName = "DIR" };
        var ci = new Option<string?>("--ci") { Description = "The log format, when detection gets it wrong.", HelpName = "NAME" };
        ci.AcceptOnlyFromAmong([.. Names.CiSystems]);
        var command = new Command("rescan", "Re-diagnose every stored failed job from its stored log with the current catalog; update diagnoses and failure signatures.")
        {
            db, catalog, ci,
        };
        command.SetAction(parse =>
        {
            var modes = CatalogLoader.Load(parse.GetValue(catalog) ?? []);
            using var store = RunStores.Open(RunStores.Chosen(parse.GetValue(db)));
            var r = new Rescanner(store, modes, parse.GetValue(ci)).Rescan();
            context.Out.WriteLine($"rescanned {r.Runs} run(s) in {store.Where}: {r.Jobs} failed job(s) re-diagnosed, {r.Changed} diagnosis(es) changed" +
                (r.WithoutLog > 0 ? $", {r.WithoutLog} failed job(s) without a stored log left as they were" : ""));
            return ExitCodes.Done;
        });
        return command;
    }
}
