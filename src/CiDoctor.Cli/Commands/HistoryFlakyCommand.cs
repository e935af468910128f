using System.CommandLine;
using System.Globalization;
using System.Text.Json;
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
        format.AcceptOnlyFromAmong("text", "json");
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
        if (options.Format == "json")
        {
            JsonOutput.Write(context.Out, w => WriteJson(w, entries, options.Steps));
        }
        else
        {
            WriteText(context.Out, entries);
        }
        return ExitCodes.Done;
    }

    private static void WriteJson(Utf8JsonWriter w, IReadOnlyList<FlakyEntry> entries, bool steps)
    {
        w.WriteStartObject();
        w.WriteStartArray("entries");
        foreach (var e in entries)
        {
            var c = e.Classification;
            w.WriteStartObject();
            w.WriteString("job", e.Job);
            if (steps)
            {
                w.WriteString("step", e.Step);
            }
            w.WriteString("test", e.Test);
            w.WriteString("classification", c.Kind);
            w.WriteNumber("runs", c.Runs);
            w.WriteNumber("failures", c.Failures);
            w.WriteNumber("failureRate", c.FailureRate);
            w.WriteNumber("flipRate", c.FlipRate);
            w.WriteString("firstBadRun", c.FirstBadRun);
            w.WriteString("firstBadCommit", c.FirstBadCommit);
            w.WriteString("lastSeen", c.LastSeen);
            w.WriteBoolean("rotating", c.Rotating);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteText(TextWriter o, IReadOnlyList<FlakyEntry> entries)
    {
        if (entries.Count == 0)
        {
            o.WriteLine("no runs recorded (for these filters); record runs with 'cidoctor history add RUN'");
            return;
        }
        o.WriteLine($"{"CLASSIFICATION",-14} {"RUNS",5} {"FAILED",6} {"FLIPS",5}  WHAT");
        foreach (var e in entries)
        {
            var c = e.Classification;
            string what = e.Test is not null ? $"{e.Job} › test {e.Test}" : e.Step is not null ? $"{e.Job} › step {e.Step}" : e.Job;
            string since = c.FirstBadRun is null ? "" : $"  since run {c.FirstBadRun}" + (c.FirstBadCommit is null ? "" : $" (commit {c.FirstBadCommit})");
            string rotating = c.Rotating ? "  rotating" : "";
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Kind,-14} {c.Runs,5} {c.Failures,6} {c.FlipRate,5:0.00}  {what}{since}{rotating}"));
        }
    }
}
