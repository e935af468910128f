using System.CommandLine;
using CiDoctor.History.Clustering;

namespace CiDoctor.Cli.Commands;

/// <summary><c>cidoctor history clusters</c>: the stored failures grouped into clusters of near-identical failures, with the catalog modes that explain each.</summary>
public static class HistoryClustersCommand
{
    public static Command Build(CliContext context)
    {
        var db = HistoryCommand.DbOption(HistoryCommand.DbHelp);
        var branch = new Option<string?>("--branch") { Description = "Only runs on this branch (default: every branch).", HelpName = "BRANCH" };
        var since = new Option<string?>("--since") { Description = "Only runs since this date (YYYY-MM-DD, UTC) or ISO 8601 time.", HelpName = "DATE" };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var candidates = new Option<bool>("--candidates") { Description = "Only clusters no catalog mode explains, each with a draft mode." };
        var catalog = new Option<string[]>("--catalog") { Description = "A folder of extra catalog modes (adds, or overrides by id); may repeat.", HelpName = "DIR" };
        var command = new Command("clusters", "Group stored failures into clusters of near-identical failures: count, first and last seen, jobs, excerpt, matching catalog modes; candidates for new modes.")
        {
            db, branch, since, format, candidates, catalog,
        };
        command.SetAction(parse => Run(context, new HistoryClustersOptions(parse.GetValue(db), parse.GetValue(branch), parse.GetValue(since),
            parse.GetValue(format) ?? "text", parse.GetValue(candidates), parse.GetValue(catalog) ?? [])));
        return command;
    }

    public static int Run(CliContext context, HistoryClustersOptions options)
    {
        var (all, history, where) = ClusterSource.Load(options.Db, options.Branch, options.Since, options.Catalog);
        var shown = options.Candidates ? all.Where(e => e.IsCandidate) : all;
        if (options.Format == "json")
        {
            shown.WriteJson(context.Out);
        }
        else
        {
            WriteText(context.Out, all, shown, history, where, options.Candidates);
        }
        return ExitCodes.Done;
    }

    // The first line counts every cluster, so "--candidates" reads as a part of the whole.
    private static void WriteText(TextWriter o, ClusterReport all, ClusterReport shown, HistoryClusters history, string where, bool withDrafts)
    {
        if (history.Failures == 0)
        {
            o.WriteLine($"no failed jobs recorded in {where} (for these filters); record runs with 'cidoctor history add RUN'");
            return;
        }
        int candidates = all.Entries.Count(e => e.IsCandidate);
        o.WriteLine($"{all.Entries.Count} cluster(s) of {history.Failures} failed job(s) in {where}; {candidates} candidate(s) for new catalog modes" +
            (history.WithoutText > 0 ? $"; {history.WithoutText} failed job(s) without a cause line left out" : ""));
        foreach (var e in shown.Entries)
        {
            var c = e.Cluster;
            string modes = e.Modes.Count > 0 ? string.Join(", ", e.Modes)
                : e.Draft is null ? "no mode (candidate; no stable text to draft a mode from)"
                : $"no mode (candidate: {e.Draft.Id})";
            o.WriteLine();
            o.WriteLine($"{c.Id}  ×{c.Count}  {ClusterSource.Time(c.FirstSeen)} … {ClusterSource.Time(c.LastSeen)}  {modes}");
            o.WriteLine($"  jobs: {string.Join(", ", c.Jobs)}");
            foreach (string line in c.Excerpt.Split('\n').Take(3))
            {
                o.WriteLine($"  | {line.TrimEnd('\r')}");
            }
            if (withDrafts && e.Draft is { } draft)
            {
                o.WriteLine($"  draft ({draft.Path}):");
                foreach (string line in draft.Yaml.TrimEnd('\n').Split('\n'))
                {
                    o.WriteLine($"    {line}");
                }
            }
        }
    }
}
