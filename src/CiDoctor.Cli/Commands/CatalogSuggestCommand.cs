using System.CommandLine;
using System.Text;
using CiDoctor.Core;
using CiDoctor.History.Clustering;

namespace CiDoctor.Cli.Commands;

/// <summary>
/// <c>cidoctor catalog suggest</c>: a draft catalog mode for every failure cluster of the history
/// that no mode explains, printed (YAML documents separated by <c>---</c>) or written as
/// <c>DIR/&lt;area&gt;/&lt;name&gt;.yaml</c> files for a person to finish and <c>catalog lint</c>.
/// </summary>
public static class CatalogSuggestCommand
{
    public static Command Build(CliContext context)
    {
        var db = HistoryCommand.DbOption(HistoryCommand.DbHelp);
        var output = new Option<string?>("--out", "-o") { Description = "Write one file per draft under this folder (DIR/<area>/<name>.yaml); existing files are never replaced.", HelpName = "DIR" };
        var branch = new Option<string?>("--branch") { Description = "Only runs on this branch (default: every branch).", HelpName = "BRANCH" };
        var since = new Option<string?>("--since") { Description = "Only runs since this date (YYYY-MM-DD, UTC) or ISO 8601 time.", HelpName = "DATE" };
        var catalog = new Option<string[]>("--catalog") { Description = "A folder of extra catalog modes: clusters they explain get no draft; may repeat.", HelpName = "DIR" };
        var command = new Command("suggest", "Draft catalog modes for failure clusters of the history that no mode explains.")
        {
            db, output, branch, since, catalog,
        };
        command.SetAction(parse => Run(context, new CatalogSuggestOptions(parse.GetValue(db), parse.GetValue(output), parse.GetValue(branch),
            parse.GetValue(since), parse.GetValue(catalog) ?? [])));
        return command;
    }

    public static int Run(CliContext context, CatalogSuggestOptions options)
    {
        var (report, history, where) = ClusterSource.Load(options.Db, options.Branch, options.Since, options.Catalog);
        var drafts = report.Candidates.Select(e => e.Draft!).ToList();
        if (drafts.Count == 0)
        {
            context.Error.WriteLine($"no candidates: every cluster of the {history.Failures} failed job(s) in {where} matches a catalog mode (or has no stable text to draft from)");
            return ExitCodes.Done;
        }
        if (options.Out is null)
        {
            context.Out.Write(string.Join("---\n", drafts.Select(d => $"# {d.Path}\n{d.Yaml}")));
            return ExitCodes.Done;
        }
        var written = Write(options.Out, drafts);
        foreach (string path in written)
        {
            context.Out.WriteLine($"wrote {path}");
        }
        context.Out.WriteLine($"{written.Count} draft(s) in {options.Out}; finish each (kind, origin, severity, explain, actions, id), then run: cidoctor catalog lint {options.Out}");
        return ExitCodes.Done;
    }

    /// <summary>Writes every draft or none: an existing file is the user's (maybe an edited draft) and stops the command before anything is written.</summary>
    private static List<string> Write(string folder, IReadOnlyList<CatalogDraft> drafts)
    {
        if (File.Exists(folder))
        {
            throw new CiDoctorException($"--out {folder}: is a file; name a folder");
        }
        var targets = drafts.Select(d => Path.Combine([folder, .. d.Path.Split('/')])).ToList();
        var existing = targets.Where(t => File.Exists(t) || Directory.Exists(t)).ToList();
        if (existing.Count > 0)
        {
            string more = existing.Count > 1 ? $" (and {existing.Count - 1} more)" : "";
            throw new CiDoctorException($"--out {folder}: {existing[0]} already exists{more}; nothing was written. Move it away, or pass --catalog {folder} so the modes already there count as explaining their clusters");
        }
        foreach (var (draft, target) in drafts.Zip(targets))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            // Temporary name, then a rename that refuses to replace: a file that appeared meanwhile survives.
            string temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Environment.ProcessId}.tmp");
            try
            {
                File.WriteAllText(temp, draft.Yaml, new UTF8Encoding(false));
                File.Move(temp, target, overwrite: false);
            }
            finally
            {
                File.Delete(temp);
            }
        }
        return targets;
    }
}
