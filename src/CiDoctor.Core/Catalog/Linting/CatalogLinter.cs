using CiDoctor.Core.Matching;
using CiDoctor.Core.Model;
using CiDoctor.Core.Text;
using YamlDotNet.RepresentationModel;

namespace CiDoctor.Core.Catalog.Linting;

/// <summary>
/// Checks catalog files beyond loading (<c>cidoctor catalog lint</c> and the catalog tests run
/// the same checks): keys in schema order, id matching the file's <c>&lt;area&gt;/&lt;name&gt;.yaml</c>,
/// every example matching (or not) as it says, <c>supersedes</c> naming known modes, and every
/// regex having literal anchors of at least <see cref="MinAnchor"/> characters for the prefilter.
/// </summary>
public static class CatalogLinter
{
    /// <summary>Shortest useful prefilter anchor of a regex.</summary>
    public const int MinAnchor = 4;

    /// <summary>Lints the built-in catalog (folder null) or a folder of mode files.</summary>
    public static List<CatalogProblem> Lint(string? folder) => Lint(folder, out _);

    /// <summary>Lints as <see cref="Lint(string?)"/> and counts the mode files that parsed.</summary>
    public static List<CatalogProblem> Lint(string? folder, out int modeCount)
    {
        var problems = new List<CatalogProblem>();
        var files = folder is null
            ? CatalogLoader.BuiltInFiles().Select(f => ("builtin:" + f.Name, f.Name["catalog/".Length..], f.Text)).ToList()
            : ReadFolder(folder, problems);
        var modes = new List<FailureMode>();
        foreach (var (display, relative, text) in files)
        {
            var root = CatalogLoader.ParseDocument(text, display, problems);
            var mode = root is null ? null : CatalogLoader.ReadMode(root, display, problems);
            if (mode is null)
            {
                continue;
            }
            modes.Add(mode);
            CheckKeyOrder(root!, display, problems);
            CheckId(mode, relative, display, text, problems);
            CheckAnchors(mode, display, text, problems);
            CheckExamples(mode, display, text, problems);
        }
        // supersedes may name built-in modes when linting a user folder.
        var known = new HashSet<string>(modes.SelectMany(m => m.Aliases.Append(m.Id)), StringComparer.Ordinal);
        if (folder is not null)
        {
            var builtIn = CatalogLoader.Load([], builtIn: true, []);
            known.UnionWith(builtIn.Modes.SelectMany(m => m.Aliases.Append(m.Id)));
        }
        foreach (var mode in modes)
        {
            foreach (string target in mode.Supersedes.Where(t => !known.Contains(t)))
            {
                problems.Add(new CatalogProblem(mode.SourceFile, LineOf(files.First(f => f.Item1 == mode.SourceFile).Item3, target),
                    $"supersedes '{target}', which is no mode in the catalog"));
            }
        }
        foreach (var dup in modes.GroupBy(m => m.Id).Where(g => g.Count() > 1))
        {
            problems.Add(new CatalogProblem(dup.Last().SourceFile, 1, $"id '{dup.Key}' is defined {dup.Count()} times ({string.Join(", ", dup.Select(m => m.SourceFile))})"));
        }
        modeCount = modes.Count;
        return problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ToList();
    }

    private static List<(string, string, string)> ReadFolder(string folder, List<CatalogProblem> problems)
    {
        if (!Directory.Exists(folder))
        {
            throw new CiDoctorException($"{folder}: no such folder; catalog lint takes a folder of <area>/<name>.yaml files");
        }
        var list = Directory.EnumerateFiles(folder, "*.y*ml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => (f, Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();
        if (list.Count == 0)
        {
            problems.Add(new CatalogProblem(folder, 0, "no .yaml files in this folder"));
        }
        return list;
    }

    private static void CheckKeyOrder(YamlMappingNode root, string file, List<CatalogProblem> problems)
    {
        int last = -1;
        foreach (var key in root.Children.Keys.OfType<YamlScalarNode>())
        {
            int index = CatalogLoader.Keys.ToList().IndexOf(key.Value ?? "");
            if (index < 0)
            {
                continue;
            }
            if (index < last)
            {
                problems.Add(new CatalogProblem(file, key.Start.Line, $"key '{key.Value}' is out of order; keys go: {string.Join(", ", CatalogLoader.Keys)}"));
                return;
            }
            last = index;
        }
    }

    private static void CheckId(FailureMode mode, string relative, string file, string text, List<CatalogProblem> problems)
    {
        string expected = relative.EndsWith(".yaml", StringComparison.Ordinal) ? relative[..^5] : relative[..^4];
        expected = expected.Replace('/', '.');
        if (mode.Id != expected)
        {
            problems.Add(new CatalogProblem(file, LineOf(text, "id:"), $"id '{mode.Id}' does not match the file path; expected '{expected}' (<area>/<name>.yaml)"));
        }
    }

    private static void CheckAnchors(FailureMode mode, string file, string text, List<CatalogProblem> problems)
    {
        foreach (var signal in mode.Signals.Where(s => s.Regex is not null))
        {
            if (RegexAnchor.Extract(signal.Regex!, signal.IgnoreCase, MinAnchor).Count == 0)
            {
                problems.Add(new CatalogProblem(file, LineOf(text, signal.Regex!),
                    $"regex '{signal.Regex}' has no literal of {MinAnchor}+ characters that every match contains (in each alternative of a top-level alternation), so it runs on every line; add a literal part outside optional parts"));
            }
        }
    }

    private static void CheckExamples(FailureMode mode, string file, string text, List<CatalogProblem> problems)
    {
        if (mode.ExamplesMatch.Count == 0 || mode.ExamplesNoMatch.Count == 0)
        {
            problems.Add(new CatalogProblem(file, LineOf(text, "examples:"), "a mode needs examples: at least one line in match and one in noMatch"));
        }
        var compiled = new CompiledCatalog(FailureCatalog.Of([mode]), "plain");
        foreach (string example in mode.ExamplesMatch)
        {
            if (!Matches(compiled, mode.Id, example))
            {
                problems.Add(new CatalogProblem(file, LineOf(text, example), $"example does not match: {example}"));
            }
        }
        foreach (string example in mode.ExamplesNoMatch)
        {
            if (Matches(compiled, mode.Id, example))
            {
                problems.Add(new CatalogProblem(file, LineOf(text, example), $"noMatch example matches: {example}"));
            }
        }
    }

    /// <summary>True when the mode makes a finding on this single line (signals and unless applied).</summary>
    public static bool Matches(CompiledCatalog compiled, string id, string line)
    {
        var scan = new Scanner(compiled).Scan([new LogLine(1, line, -1)]);
        return scan.Findings.ContainsKey(id);
    }

    // The first line of the file that contains the text (or its first 40 characters), 1 if none.
    private static long LineOf(string text, string needle)
    {
        string probe = needle.Length > 40 ? needle[..40] : needle;
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(probe, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }
        return 1;
    }
}
