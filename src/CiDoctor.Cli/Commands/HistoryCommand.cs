using System.CommandLine;

namespace CiDoctor.Cli.Commands;

/// <summary><c>cidoctor history add | flaky | clusters | rescan</c>: the run history (DESIGN.md "History", "Storage").</summary>
public static class HistoryCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("history", "Record runs and ask what their history says: flaky or broken, since when.");
        command.Add(HistoryAddCommand.Build(context));
        command.Add(HistoryFlakyCommand.Build(context));
        command.Add(HistoryClustersCommand.Build(context));
        command.Add(HistoryRescanCommand.Build(context));
        return command;
    }

    /// <summary>The <c>--db</c> option every command that touches history shares.</summary>
    public static Option<string?> DbOption(string description) => new("--db")
    {
        Description = description,
        HelpName = "DB",
    };

    /// <summary>Where the store is, for the help of commands that default to the user's data folder.</summary>
    public const string DbHelp = "The history store: an SQLite FILE, a postgres://user:pass@host:port/db URL or an Npgsql connection string. Default: CIDOCTOR_DB, else cidoctor/history.db in the user's data folder (XDG_DATA_HOME or ~/.local/share on Linux).";
}
