using System.CommandLine;
using CiDoctor.Core;
using CiDoctor.Core.Catalog;
using CiDoctor.Core.Catalog.Linting;
using CiDoctor.Core.Model;

namespace CiDoctor.Cli.Commands;

/// <summary><c>cidoctor catalog list | show ID | lint [DIR] | suggest</c>.</summary>
public static class CatalogCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("catalog", "List, show and lint the failure-mode catalog.");
        var catalogDirs = new Option<string[]>("--catalog") { Description = "Extra catalog folders to include.", HelpName = "DIR" };

        var list = new Command("list", "List every mode: id, kind, origin, severity, title.") { catalogDirs };
        list.SetAction(parse => List(context, CatalogLoader.Load(parse.GetValue(catalogDirs) ?? [])));

        var id = new Argument<string>("ID") { Description = "A mode id (or alias), e.g. resource.disk-full." };
        var show = new Command("show", "Show one mode as the catalog defines it.") { id, catalogDirs };
        show.SetAction(parse => Show(context, CatalogLoader.Load(parse.GetValue(catalogDirs) ?? []), parse.GetValue(id)!));

        var dir = new Argument<string?>("DIR") { Description = "A folder of mode files; the built-in catalog when omitted.", Arity = ArgumentArity.ZeroOrOne };
        var lint = new Command("lint", "Check modes: schema, key order, ids, regexes, and that every example matches as it says.") { dir };
        lint.SetAction(parse => Lint(context, parse.GetValue(dir)));

        command.Add(list);
        command.Add(show);
        command.Add(lint);
        command.Add(CatalogSuggestCommand.Build(context));
        return command;
    }

    private static int List(CliContext context, FailureCatalog catalog)
    {
        int width = catalog.Modes.Max(m => m.Id.Length);
        foreach (var mode in catalog.Modes)
        {
            context.Out.WriteLine($"{mode.Id.PadRight(width)}  {mode.Kind,-21} {Names.Of(mode.Origin),-11} {Names.Of(mode.Severity),-8} {mode.Title}");
        }
        context.Out.WriteLine($"{catalog.Modes.Count} modes");
        return ExitCodes.Done;
    }

    private static int Show(CliContext context, FailureCatalog catalog, string id)
    {
        var mode = catalog.Find(id) ?? throw new CiDoctorException($"no mode '{id}' in the catalog; 'cidoctor catalog list' shows the ids");
        string file = mode.SourceFile;
        if (file.StartsWith("builtin:", StringComparison.Ordinal))
        {
            string name = file["builtin:".Length..];
            context.Out.WriteLine($"# {file}");
            context.Out.Write(CatalogLoader.BuiltInText(name));
        }
        else
        {
            context.Out.WriteLine($"# {file}");
            context.Out.Write(File.ReadAllText(file));
        }
        return ExitCodes.Done;
    }

    private static int Lint(CliContext context, string? folder)
    {
        var problems = CatalogLinter.Lint(folder, out int count);
        foreach (var problem in problems)
        {
            context.Out.WriteLine(problem.ToString());
        }
        string what = folder ?? "built-in catalog";
        if (problems.Count == 0)
        {
            context.Out.WriteLine($"{what}: {count} modes, no problems");
            return ExitCodes.Done;
        }
        context.Out.WriteLine($"{what}: {problems.Count} problem(s)");
        return ExitCodes.ConditionHeld;
    }
}
