using System.CommandLine;
using CiDoctor.Core.Reports;
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
        format.AcceptOnlyFromAmong([.. ClusterRenderers.All.Names]);
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
        var listing = new ClusterListing(all, shown, history, where, options.Candidates);
        ClusterRenderers.All.Create(options.Format, new RenderTarget()).Render(listing, context.Out);
        return ExitCodes.Done;
    }
}
