using System.CommandLine;
using CiDoctor.Cli.Rendering;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Diagnosis;
using CiDoctor.Core.Model;
using CiDoctor.Core.Pipeline;
using CiDoctor.Env.Evidence;
using CiDoctor.History;
using CiDoctor.History.Lookup;

namespace CiDoctor.Cli.Commands;

/// <summary><c>cidoctor diagnose SOURCE...</c>: the root cause of every failed job.</summary>
public static class DiagnoseCommand
{
    /// <summary>The <c>--format</c> names (<see cref="CliRenderers.Reports"/>).</summary>
    public static IReadOnlyList<string> Formats => CliRenderers.Reports.Names;

    public static Command Build(CliContext context)
    {
        var sources = new Argument<string[]>("SOURCE")
        {
            Description = "A job log file, a folder of logs (with or without run.json), a GitHub run-logs zip, a run URL (GitHub, GitLab, Forgejo/Gitea), or - for stdin.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text, markdown, json, html; github (annotations on stdout + Markdown step summary, for GitHub, Forgejo and Gitea Actions), gitlab (Code Quality JSON). See docs/CI.md.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong([.. Formats]);
        var output = new Option<string?>("--out", "-o") { Description = "Write the report to FILE (replaced) instead of stdout.", HelpName = "FILE" };
        var catalog = new Option<string[]>("--catalog") { Description = "A folder of extra catalog modes (adds, or overrides by id); may repeat.", HelpName = "DIR" };
        var ci = new Option<string?>("--ci") { Description = "The log format, when detection gets it wrong.", HelpName = "NAME" };
        ci.AcceptOnlyFromAmong([.. Names.CiSystems]);
        var baseline = new Option<string?>("--baseline") { Description = "A passing log of the same job: lines it also has rank lower.", HelpName = "PASS_LOG" };
        var reportUrl = new Option<string?>("--report-url") { Description = "With --format github: where the full report is (an uploaded HTML artifact), linked when the step summary must be cut.", HelpName = "URL" };
        var (apiUrl, provider) = FetchCommand.ProviderOptionsOf();
        var env = new Option<string?>("--env") { Description = "A snapshot of the job's environment ('cidoctor env capture'): its facts confirm or question the verdicts.", HelpName = "SNAP.json" };

        var db = HistoryCommand.DbOption("Read run history from DB (never written): each job's classification, and its last green log as the baseline when --baseline is absent. Default: CIDOCTOR_DB when set, else no history.");
        var command = new Command("diagnose", "Find the root cause of each failed job, with evidence lines, origin and what to do.")
        {
            sources, format, output, catalog, ci, baseline, reportUrl, env, apiUrl, provider, db,
        };
        command.SetAction(parse => Run(context, new DiagnoseOptions(
            parse.GetValue(sources) ?? [],
            parse.GetValue(format) ?? "text",
            parse.GetValue(output),
            parse.GetValue(catalog) ?? [],
            parse.GetValue(ci),
            parse.GetValue(baseline),
            parse.GetValue(reportUrl),
            parse.GetValue(db))
        {
            Env = parse.GetValue(env),
            Provider = FetchCommand.Options(parse.GetValue(apiUrl), parse.GetValue(provider), context.Env),
        }));
        return command;
    }

    public static int Run(CliContext context, DiagnoseOptions options)
    {
        var catalog = CatalogLoader.Load(options.Catalogs);
        // Read here, before any log is fetched or scanned: a bad snapshot or --db is an error, not a report's note.
        var snapshot = options.Env is null ? null : SnapshotEnricher.Read(options.Env);
        // History is read only when asked for (--db or CIDOCTOR_DB), and never written here (DESIGN.md "History").
        string? db = RunStores.Chosen(options.Db);
        using var store = db is null ? null : RunStores.OpenReadOnly(db);
        var history = store is null ? null : new HistoryEnricher(store);
        // History first: the failure signature it compares with past runs is the log's, before snapshot facts join it.
        IReportEnricher?[] enrichers = [history, snapshot];
        var pipeline = CliPipeline.Create(catalog, options.Ci, options.Provider, [.. enrichers.OfType<IReportEnricher>()]);
        var progress = new ProgressLine(context.Error, context.ErrorInteractive);
        var request = new DiagnosisRequest(options.Sources)
        {
            Reading = new SourceOptions { Stdin = context.Stdin },
            Baseline = options.Baseline,
            Format = options.Format,
            Target = CliRenderers.Target(context, options.Out, options.ReportUrl),
            Progress = p => progress.Update(elapsed => Describe(p, elapsed)),
        };
        DiagnosedRun run;
        try
        {
            run = pipeline.Diagnose(request);
        }
        finally
        {
            progress.Finish();   // an error line must not land after a half-drawn progress line
        }
        using (run)
        {
            OutputWriter.Write(options.Out, context.Out, run.Render);
        }
        return ExitCodes.Done;
    }

    private static string Describe(RunProgress p, TimeSpan elapsed)
    {
        double mb = p.BytesRead / 1e6;
        return $"cidoctor diagnose: {p.JobsDone}/{p.Jobs} jobs, {mb:0} MB read, {mb / Math.Max(elapsed.TotalSeconds, 0.001):0} MB/s, {elapsed.TotalSeconds:0} s";
    }
}
