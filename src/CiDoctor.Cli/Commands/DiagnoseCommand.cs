using System.CommandLine;
using CiDoctor.Cli.Rendering;
using CiDoctor.Core;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Diagnosis;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;
using CiDoctor.Core.Reports;
using CiDoctor.Core.Sources;
using CiDoctor.Env.Evidence;
using CiDoctor.Env.Snapshots;
using CiDoctor.History;
using CiDoctor.History.Lookup;

namespace CiDoctor.Cli.Commands;

/// <summary><c>cidoctor diagnose SOURCE...</c>: the root cause of every failed job.</summary>
public static class DiagnoseCommand
{
    public static readonly string[] Formats = ["text", "markdown", "json", "html", "github", "gitlab"];

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
        format.AcceptOnlyFromAmong(Formats);
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
        LogSource? baseline = null;
        if (options.Baseline is not null)
        {
            if (!File.Exists(options.Baseline))
            {
                throw new CiDoctorException($"--baseline {options.Baseline}: no such file; pass a passing log of the same job");
            }
            baseline = LogSource.FromFile(options.Baseline, Path.GetFileName(options.Baseline));
        }
        if (options.Sources.Count(s => s == "-") > 1)
        {
            throw new CiDoctorException("stdin (-) can be given only once");
        }
        // Chosen first: a renderer's own checks (GITHUB_STEP_SUMMARY's folder) fail before logs are fetched and scanned.
        bool color = context.Colour(options.Out);
        IReportRenderer renderer = options.Format switch
        {
            "json" => new JsonReportRenderer(),
            "markdown" => new MarkdownReportRenderer(),
            "html" => new HtmlReportRenderer(),
            "github" => CiRenderers.GitHub(context, options),
            "gitlab" => CiRenderers.GitLab(context),
            _ => new TextReportRenderer(color),
        };
        var snapshot = options.Env is null ? null : SnapshotJson.Read(options.Env);
        using var fetched = new FetchedRuns();
        var inputs = options.Sources.Select(s => Providers.RunUrl.LooksLikeUrl(s)
            ? fetched.Fetch(s, options.Provider, allLogs: false)
            : SourceReader.Read(s, context.Stdin)).ToList();
        var input = inputs.Count == 1
            ? inputs[0]
            : new RunInput(inputs.SelectMany(i => i.Sources).ToArray(), inputs[0].Run, inputs.SelectMany(i => i.Jobs).ToArray());
        // History is read only when asked for (--db or CIDOCTOR_DB), and never written here (DESIGN.md "History").
        string? db = RunStores.Chosen(options.Db);
        using var store = db is null ? null : RunStores.OpenReadOnly(db);
        var history = store is null ? null : new HistoryLookup(store, input.Run);
        var progress = new ProgressLine(context.Error, context.ErrorInteractive);
        var diagnoserOptions = new RunDiagnoserOptions(options.Ci, baseline)
        {
            Progress = p => progress.Update(elapsed => Describe(p, elapsed)),
            BaselineFor = history is null ? null : history.LastGreen,
        };
        RunReport report;
        try
        {
            report = new RunDiagnoser(catalog, diagnoserOptions).Diagnose(input);
        }
        finally
        {
            progress.Finish();   // an error line must not land after a half-drawn progress line
        }
        if (history is not null)
        {
            report = history.Annotate(report);
        }
        if (snapshot is not null)
        {
            report = SnapshotEvidence.Apply(report, snapshot, Path.GetFileName(options.Env!));
        }
        if (options.Format == "html")
        {
            // Only the HTML report shows the lines around the evidence; reading them costs a second pass over each log.
            report = LogExcerpts.Attach(report, input);
        }
        OutputWriter.Write(options.Out, context.Out, w => renderer.Render(report, w));
        return ExitCodes.Done;
    }

    private static string Describe(RunProgress p, TimeSpan elapsed)
    {
        double mb = p.BytesRead / 1e6;
        return $"cidoctor diagnose: {p.JobsDone}/{p.Jobs} jobs, {mb:0} MB read, {mb / Math.Max(elapsed.TotalSeconds, 0.001):0} MB/s, {elapsed.TotalSeconds:0} s";
    }
}
