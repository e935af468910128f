using System.CommandLine;
using CiDoctor.Cli.Rendering;
using CiDoctor.Core;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Diagnosis;
using CiDoctor.Core.Logs;
using CiDoctor.Core.Model;
using CiDoctor.Core.Reports;
using CiDoctor.Core.Sources;

namespace CiDoctor.Cli.Commands;

/// <summary><c>cidoctor diagnose SOURCE...</c>: the root cause of every failed job.</summary>
public static class DiagnoseCommand
{
    public static readonly string[] Formats = ["text", "markdown", "json", "github", "gitlab"];

    public static Command Build(CliContext context)
    {
        var sources = new Argument<string[]>("SOURCE")
        {
            Description = "A job log file, a folder of logs (with or without run.json), a GitHub run-logs zip, or - for stdin.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text, markdown, json; github (annotations on stdout + Markdown step summary, for GitHub, Forgejo and Gitea Actions), gitlab (Code Quality JSON). See docs/CI.md.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--out", "-o") { Description = "Write the report to FILE (replaced) instead of stdout.", HelpName = "FILE" };
        var catalog = new Option<string[]>("--catalog") { Description = "A folder of extra catalog modes (adds, or overrides by id); may repeat.", HelpName = "DIR" };
        var ci = new Option<string?>("--ci") { Description = "The log format, when detection gets it wrong.", HelpName = "NAME" };
        ci.AcceptOnlyFromAmong([.. Names.CiSystems]);
        var baseline = new Option<string?>("--baseline") { Description = "A passing log of the same job: lines it also has rank lower.", HelpName = "PASS_LOG" };
        var reportUrl = new Option<string?>("--report-url") { Description = "With --format github: where the full report is (an uploaded HTML artifact), linked when the step summary must be cut.", HelpName = "URL" };

        var command = new Command("diagnose", "Find the root cause of each failed job, with evidence lines, origin and what to do.")
        {
            sources, format, output, catalog, ci, baseline, reportUrl,
        };
        command.SetAction(parse => Run(context, new DiagnoseOptions(
            parse.GetValue(sources) ?? [],
            parse.GetValue(format) ?? "text",
            parse.GetValue(output),
            parse.GetValue(catalog) ?? [],
            parse.GetValue(ci),
            parse.GetValue(baseline),
            parse.GetValue(reportUrl))));
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
        var inputs = options.Sources.Select(s => SourceReader.Read(s, context.Stdin)).ToList();
        var input = inputs.Count == 1
            ? inputs[0]
            : new RunInput(inputs.SelectMany(i => i.Sources).ToArray(), inputs[0].Run, inputs.SelectMany(i => i.Jobs).ToArray());
        var report = new RunDiagnoser(catalog, new RunDiagnoserOptions(options.Ci, baseline)).Diagnose(input);

        bool color = options.Out is null && context.Interactive && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        IReportRenderer renderer = options.Format switch
        {
            "json" => new JsonReportRenderer(),
            "markdown" => new MarkdownReportRenderer(),
            "github" => CiRenderers.GitHub(context, options),
            "gitlab" => CiRenderers.GitLab(context, catalog),
            _ => new TextReportRenderer(color),
        };
        OutputWriter.Write(options.Out, context.Out, w => renderer.Render(report, w));
        return ExitCodes.Done;
    }
}
