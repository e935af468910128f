using System.CommandLine;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Model;
using CiDoctor.Core.Pipeline;
using CiDoctor.History;
using CiDoctor.History.Recording;

namespace CiDoctor.Cli.Commands;

/// <summary><c>cidoctor history add RUN</c>: diagnose a run and record it; a run already recorded changes nothing.</summary>
public static class HistoryAddCommand
{
    public static Command Build(CliContext context)
    {
        var source = new Argument<string>("RUN") { Description = "A run folder (with or without run.json), a GitHub run-logs zip, a job log file, a run URL (GitHub, GitLab, Forgejo/Gitea), or - for stdin." };
        var (apiUrl, provider) = FetchCommand.ProviderOptionsOf();
        var db = HistoryCommand.DbOption(HistoryCommand.DbHelp);
        var catalog = new Option<string[]>("--catalog") { Description = "A folder of extra catalog modes (adds, or overrides by id); may repeat.", HelpName = "DIR" };
        var ci = new Option<string?>("--ci") { Description = "The log format, when detection gets it wrong.", HelpName = "NAME" };
        ci.AcceptOnlyFromAmong([.. Names.CiSystems]);
        var command = new Command("add", "Record a run: jobs, steps, outcomes, diagnoses, failure signatures, JUnit test results, and its logs (masked, compressed).")
        {
            source, db, catalog, ci, apiUrl, provider,
        };
        command.SetAction(parse => Run(context, new HistoryAddOptions(parse.GetValue(source)!, parse.GetValue(db), parse.GetValue(catalog) ?? [], parse.GetValue(ci))
        {
            Provider = FetchCommand.Options(parse.GetValue(apiUrl), parse.GetValue(provider), context.Env),
        }));
        return command;
    }

    public static int Run(CliContext context, HistoryAddOptions options)
    {
        var catalog = CatalogLoader.Load(options.Catalogs);
        // Opened first: a wrong --db fails before a long diagnosis.
        using var store = RunStores.Open(RunStores.Chosen(options.Db));
        var request = new DiagnosisRequest([options.Source])
        {
            // Every job's log, passing ones too, readable again after the diagnosis: the store keeps
            // them, and a job's last green log is what history is asked for as its baseline.
            Reading = new SourceOptions { Stdin = context.Stdin, AllLogs = true, Reopenable = true },
        };
        using var run = CliPipeline.Create(catalog, options.Ci, options.Provider).Diagnose(request);
        var record = new RunRecorder(TimeProvider.System, w => context.Error.WriteLine($"cidoctor: warning: {w}")).Record(run.Input, run.Report);
        var result = store.Add(record);
        string label = record.RunId is null ? record.Key : record.Attempt > 1 ? $"{record.RunId}#{record.Attempt}" : record.RunId;
        if (!result.Added)
        {
            context.Out.WriteLine($"run {label} is already recorded in {store.Where}; nothing changed");
            return ExitCodes.Done;
        }
        int failed = record.Jobs.Count(j => j.Status == "failed");
        context.Out.WriteLine($"recorded run {label} in {store.Where}: {record.Jobs.Count} job(s), {failed} failed, " +
            $"{record.Jobs.Sum(j => j.Tests.Count)} test result(s), {record.Jobs.Count(j => j.Log is not null)} log(s)");
        return ExitCodes.Done;
    }
}
