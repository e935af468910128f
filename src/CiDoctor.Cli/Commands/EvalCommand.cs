using System.CommandLine;
using System.Diagnostics;
using CiDoctor.Cli.Rendering;
using CiDoctor.Core;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Evaluation;
using CiDoctor.Core.Pipeline;

namespace CiDoctor.Cli.Commands;

/// <summary>
/// <c>cidoctor eval DIR</c>: diagnoses every labelled case under DIR in-process and reports the
/// reference scorer's figures (<c>shared/eval/score.py</c>) beside its baselines on the same cases.
/// </summary>
public static class EvalCommand
{
    /// <summary>The <c>--format</c> names (<see cref="EvalRenderers.All"/>).</summary>
    public static IReadOnlyList<string> Formats => EvalRenderers.All.Names;

    public static Command Build(CliContext context)
    {
        var folder = new Argument<string>("DIR") { Description = "A folder of cases: sub-folders (at any depth) holding fail.log, truth.json and maybe pass.log." };
        var format = new Option<string>("--format", "-f") { Description = "Output format: text (with in-process timing), markdown (no timing: the same on every run), json (the same on every run but its timing object).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong([.. Formats]);
        var output = new Option<string?>("--out", "-o") { Description = "Write the report to FILE (replaced) instead of stdout.", HelpName = "FILE" };
        var noPass = new Option<bool>("--no-pass") { Description = "Do not give pass.log to the diagnosis as --baseline (it is by default, like score.py --with-pass)." };
        var catalog = new Option<string[]>("--catalog") { Description = "A folder of extra catalog modes (adds, or overrides by id); may repeat.", HelpName = "DIR" };
        var set = new Option<string>("--set") { Description = "Only the cases of one set.", DefaultValueFactory = _ => EvalSets.All };
        set.AcceptOnlyFromAmong([.. EvalSets.Choices]);
        var jobs = new Option<int>("--jobs", "-j") { Description = "Cases diagnosed at once (default: one per processor).", HelpName = "N" };
        var limit = new Option<int>("--limit") { Description = "Only the first N cases, in case order.", HelpName = "N" };
        var min = new Option<string[]>("--min") { Description = "Exit 1 when a figure is below VALUE (e.g. issues.kind_acc=0.9); may repeat.", HelpName = "KEY=VALUE" };
        var max = new Option<string[]>("--max") { Description = "Exit 1 when a figure is above VALUE (e.g. issues.red_herring_rate=0.1); may repeat.", HelpName = "KEY=VALUE" };

        var command = new Command("eval", "Score CiDoctor on labelled failed logs, beside simple baselines on the same cases (the figures of score.py).")
        {
            folder, format, output, noPass, catalog, set, jobs, limit, min, max,
        };
        command.SetAction(parse => Run(context, new EvalOptions(
            parse.GetValue(folder)!,
            parse.GetValue(format) ?? "text",
            parse.GetValue(output),
            parse.GetValue(noPass),
            parse.GetValue(catalog) ?? [],
            parse.GetValue(set) ?? EvalSets.All,
            parse.GetValue(jobs),
            parse.GetValue(limit),
            parse.GetValue(min) ?? [],
            parse.GetValue(max) ?? [])));
        return command;
    }

    public static int Run(CliContext context, EvalOptions options)
    {
        if (options.Jobs < 0 || options.Limit < 0)
        {
            throw new CiDoctorException($"--{(options.Jobs < 0 ? "jobs" : "limit")} must be a positive number");
        }
        var gates = options.Min.Select(m => EvalGate.Parse(m, isMin: true)).Concat(options.Max.Select(m => EvalGate.Parse(m, isMin: false))).ToList();
        if (!Directory.Exists(options.Folder))
        {
            throw new CiDoctorException($"{options.Folder}: no such folder; pass a folder of cases (folders holding fail.log and truth.json)");
        }
        var cases = EvalCaseFinder.Find(options.Folder, options.Set, options.Limit);
        if (cases.Count == 0)
        {
            string which = options.Set == EvalSets.All ? "" : $" of set {options.Set}";
            throw new CiDoctorException($"{options.Folder}: no cases{which} (a case is a folder holding fail.log and truth.json)");
        }
        var catalog = CatalogLoader.Load(options.Catalogs);

        long start = Stopwatch.GetTimestamp();
        var progress = new ProgressLine(context.Error, context.ErrorInteractive);
        var pipeline = new DiagnosisPipeline(new DiagnosisPipelineOptions(catalog));
        var results = new EvalRunner(pipeline, new EvalRunOptions(!options.NoPass, options.Jobs))
            .Run(cases, done => progress.Update(elapsed => $"cidoctor eval: {done}/{cases.Count} cases, {elapsed.TotalSeconds:0} s"));
        progress.Finish();
        var report = EvalAggregator.Aggregate(options.Folder, !options.NoPass, results) with
        {
            WallSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds,
        };

        var renderer = EvalRenderers.All.Create(options.Format, CliRenderers.Target(context, options.Out));
        OutputWriter.Write(options.Out, context.Out, w => renderer.Render(report, w));

        var shortfalls = gates.Select(g => g.Check(report)).OfType<string>().ToList();
        if (shortfalls.Count > 0)
        {
            context.Error.WriteLine($"cidoctor: eval fell short: {string.Join("; ", shortfalls)}");
            return ExitCodes.ConditionHeld;
        }
        return ExitCodes.Done;
    }
}
