using System.Text.RegularExpressions;
using CiDoctor.Core.Model;
using CiDoctor.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CiDoctor.Core.Catalog;

/// <summary>
/// Reads catalog YAML files into <see cref="FailureMode"/>s, reporting every problem as
/// <c>file:line: problem</c>. The built-in catalog is embedded in this assembly; user folders add
/// modes or override built-in ones by id.
/// </summary>
public static partial class CatalogLoader
{
    /// <summary>Keys of a mode, in the order DESIGN.md shows them.</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        "id", "aliases", "title", "kind", "origin", "severity", "ci", "signals", "unless", "context",
        "explain", "factors", "actions", "principle", "supersedes", "examples",
    ];

    private const string ResourcePrefix = "catalog/";

    /// <summary>Loads the built-in catalog plus the given folders; throws on the first problem.</summary>
    public static FailureCatalog Load(IEnumerable<string> folders, bool builtIn = true)
    {
        var problems = new List<CatalogProblem>();
        var catalog = Load(folders, builtIn, problems);
        if (problems.Count > 0)
        {
            string more = problems.Count > 1 ? $" (and {problems.Count - 1} more; run 'cidoctor catalog lint' to list them)" : "";
            throw new CiDoctorException($"bad catalog: {problems[0]}{more}");
        }
        return catalog;
    }

    /// <summary>Loads what can be loaded and collects the problems.</summary>
    public static FailureCatalog Load(IEnumerable<string> folders, bool builtIn, List<CatalogProblem> problems)
    {
        var modes = new List<FailureMode>();
        if (builtIn)
        {
            foreach (var (name, text) in BuiltInFiles())
            {
                AddIfParsed(modes, Parse(text, "builtin:" + name, problems));
            }
        }
        foreach (string folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                problems.Add(new CatalogProblem(folder, 0, "no such folder; --catalog takes a folder of <area>/<name>.yaml files"));
                continue;
            }
            var files = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
            {
                problems.Add(new CatalogProblem(folder, 0, "no .yaml files in this folder"));
            }
            foreach (string file in files)
            {
                string text;
                try
                {
                    text = File.ReadAllText(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    problems.Add(new CatalogProblem(file, 0, e.Message));
                    continue;
                }
                AddIfParsed(modes, Parse(text, file, problems));
            }
        }
        return FailureCatalog.Merge(modes, problems);
    }

    private static void AddIfParsed(List<FailureMode> modes, FailureMode? mode)
    {
        if (mode is not null)
        {
            modes.Add(mode);
        }
    }

    /// <summary>The embedded catalog files as (relative path, text), sorted by path.</summary>
    public static IEnumerable<(string Name, string Text)> BuiltInFiles()
    {
        var assembly = typeof(CatalogLoader).Assembly;
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            yield return (name, BuiltInText(name)!);
        }
    }

    /// <summary>Parses one mode file; null (with problems added) when it is not a valid mode.</summary>
    public static FailureMode? Parse(string text, string file, List<CatalogProblem> problems) =>
        ParseDocument(text, file, problems) is { } root ? ReadMode(root, file, problems) : null;

    /// <summary>The mapping of a mode file, or null (with a problem added) when it is not one mapping.</summary>
    internal static YamlMappingNode? ParseDocument(string text, string file, List<CatalogProblem> problems)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            problems.Add(new CatalogProblem(file, e.Start.Line, "invalid YAML: " + FirstLine(e.Message)));
            return null;
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Add(new CatalogProblem(file, 1, "a mode file holds one mapping (id: …, title: …, signals: …)"));
            return null;
        }
        return root;
    }

    /// <summary>Reads a parsed mode mapping; null (with problems added) when a field is invalid.</summary>
    internal static FailureMode? ReadMode(YamlMappingNode root, string file, List<CatalogProblem> problems) =>
        new ModeReader(file, problems).Read(root);

    /// <summary>The text of one embedded catalog file, by its resource name (<c>catalog/area/name.yaml</c>).</summary>
    public static string? BuiltInText(string name)
    {
        using var stream = typeof(CatalogLoader).Assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return null;
        }
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string FirstLine(string message)
    {
        int nl = message.IndexOfAny(['\r', '\n']);
        return nl < 0 ? message : message[..nl];
    }

    /// <summary>Reads one mode's mapping, adding a problem for every bad field.</summary>
    private sealed partial class ModeReader(string file, List<CatalogProblem> problems)
    {
        private int _errors;

        public FailureMode? Read(YamlMappingNode root)
        {
            foreach (var key in root.Children.Keys)
            {
                string name = Scalar(key) ?? "";
                if (!Keys.Contains(name))
                {
                    Problem(key, $"unknown key '{name}'; a mode has: {string.Join(", ", Keys)}");
                }
            }
            string? id = RequiredString(root, "id");
            if (id is not null && !IdPattern().IsMatch(id))
            {
                Problem(Get(root, "id")!, $"id '{id}' must be lower-case, dotted <area>.<name> (a-z, 0-9, -)");
            }
            string? title = RequiredString(root, "title");
            string? kind = RequiredString(root, "kind");
            if (kind is not null && !Names.Kinds.Contains(kind))
            {
                Problem(Get(root, "kind")!, $"kind '{kind}' is not in the vocabulary: {string.Join(", ", Names.Kinds)}");
            }
            var origin = Origin.Unknown;
            string? originText = RequiredString(root, "origin");
            if (originText is not null && (!Names.TryParseOrigin(originText, out origin) || origin == Origin.Unknown))
            {
                Problem(Get(root, "origin")!, $"origin '{originText}' must be environment, code, flaky, config or benign");
            }
            var severity = Severity.Medium;
            string? severityText = RequiredString(root, "severity");
            if (severityText is not null && !Names.TryParseSeverity(severityText, out severity))
            {
                Problem(Get(root, "severity")!, $"severity '{severityText}' must be low, medium, high or critical");
            }
            var ci = StringList(root, "ci");
            foreach (string c in ci.Where(c => !Names.CiSystems.Contains(c)))
            {
                Problem(Get(root, "ci")!, $"ci '{c}' is not one of: {string.Join(", ", Names.CiSystems)}");
            }
            var signals = Patterns(root, "signals", PatternRole.Signal);
            if (Get(root, "signals") is { } signalsNode && signals.Count == 0 && _errors == 0)
            {
                Problem(signalsNode, "signals is empty; a mode needs at least one signal");
            }
            else if (Get(root, "signals") is null)
            {
                Problem(root, "missing 'signals'");
            }
            var examples = Get(root, "examples");
            var match = new List<string>();
            var noMatch = new List<string>();
            if (examples is YamlMappingNode ex)
            {
                foreach (var key in ex.Children.Keys)
                {
                    if (Scalar(key) is not ("match" or "noMatch"))
                    {
                        Problem(key, "examples has two lists: match and noMatch");
                    }
                }
                match = StringList(ex, "match");
                noMatch = StringList(ex, "noMatch");
            }
            else if (examples is not null)
            {
                Problem(examples, "examples must be a mapping with match: [...] and noMatch: [...]");
            }

            if (_errors > 0)
            {
                return null;
            }
            return new FailureMode
            {
                Id = id!,
                Aliases = StringList(root, "aliases"),
                Title = title!,
                Kind = kind!,
                Origin = origin,
                Severity = severity,
                Ci = ci,
                Signals = signals,
                Unless = Patterns(root, "unless", PatternRole.Signal),
                Context = Patterns(root, "context", PatternRole.Context),
                Explain = OptionalString(root, "explain"),
                Factors = Patterns(root, "factors", PatternRole.Factor),
                Actions = Actions(root),
                Principle = OptionalString(root, "principle"),
                Supersedes = StringList(root, "supersedes"),
                ExamplesMatch = match,
                ExamplesNoMatch = noMatch,
                SourceFile = file,
            };
        }

        private enum PatternRole { Signal, Context, Factor }

        private List<PatternSpec> Patterns(YamlMappingNode root, string key, PatternRole role)
        {
            var list = new List<PatternSpec>();
            foreach (var item in Sequence(root, key, $"{key} must be a list of {{ literal: … }} or {{ regex: … }} entries"))
            {
                if (item is not YamlMappingNode map)
                {
                    Problem(item, $"each {key} entry is a mapping with literal: or regex:");
                    continue;
                }
                var allowed = role switch
                {
                    PatternRole.Context => new[] { "literal", "regex", "ignoreCase", "label", "within" },
                    PatternRole.Factor => new[] { "literal", "regex", "ignoreCase", "text" },
                    _ => new[] { "literal", "regex", "ignoreCase" },
                };
                foreach (var k in map.Children.Keys)
                {
                    if (!allowed.Contains(Scalar(k)))
                    {
                        Problem(k, $"unknown key '{Scalar(k)}' in {key}; allowed: {string.Join(", ", allowed)}");
                    }
                }
                string? literal = OptionalString(map, "literal");
                string? regex = OptionalString(map, "regex");
                if ((literal is null) == (regex is null))
                {
                    Problem(map, $"each {key} entry has exactly one of literal: or regex:");
                    continue;
                }
                if (literal is { Length: 0 })
                {
                    Problem(map, "an empty literal matches every line");
                    continue;
                }
                bool ignoreCase = Bool(map, "ignoreCase");
                // Built-in regexes are compiled once, when the catalog is compiled for a scan (a
                // bad one fails every test); compiling them here too cost a tenth of start-up.
                if (regex is not null && !file.StartsWith("builtin:", StringComparison.Ordinal)
                    && PatternCompiler.TryCompile(regex, ignoreCase, out string? error) is null)
                {
                    Problem(Get(map, "regex")!, $"regex does not compile: {error}");
                    continue;
                }
                int within = 0;
                if (role == PatternRole.Context)
                {
                    within = Int(map, "within") ?? 50;
                    if (within is < 1 or > 10_000)
                    {
                        Problem(map, "within must be between 1 and 10000 lines");
                    }
                }
                string? text = role == PatternRole.Factor ? OptionalString(map, "text") : null;
                if (role == PatternRole.Factor && string.IsNullOrWhiteSpace(text))
                {
                    Problem(map, "a factor needs text: (what it contributes, in words)");
                }
                list.Add(new PatternSpec(literal, regex, ignoreCase, role == PatternRole.Context ? OptionalString(map, "label") : null, within, text));
            }
            return list;
        }

        private List<RecommendedAction> Actions(YamlMappingNode root)
        {
            var list = new List<RecommendedAction>();
            foreach (var item in Sequence(root, "actions", "actions must be a list of { when, effort, text }"))
            {
                if (item is not YamlMappingNode map)
                {
                    Problem(item, "each action is a mapping { when, effort, text }");
                    continue;
                }
                string when = OptionalString(map, "when") ?? "";
                string effort = OptionalString(map, "effort") ?? "";
                string text = OptionalString(map, "text") ?? "";
                if (!Names.TryParseWhen(when, out var w))
                {
                    Problem(map, $"action when '{when}' must be immediate, short-term or long-term");
                    continue;
                }
                if (!Names.TryParseEffort(effort, out var e))
                {
                    Problem(map, $"action effort '{effort}' must be minutes, hours or days");
                    continue;
                }
                if (text.Length == 0)
                {
                    Problem(map, "action text is empty");
                    continue;
                }
                list.Add(new RecommendedAction(w, e, text));
            }
            return list;
        }

        // The items of a list-valued key: none when the key is absent, none and a problem when it is not a list.
        private IEnumerable<YamlNode> Sequence(YamlMappingNode map, string key, string notAList)
        {
            var node = Get(map, key);
            if (node is YamlSequenceNode seq)
            {
                return seq.Children;
            }
            if (node is not null)
            {
                Problem(node, notAList);
            }
            return [];
        }

        private static YamlNode? Get(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        private static string? Scalar(YamlNode node) => (node as YamlScalarNode)?.Value;

        private string? RequiredString(YamlMappingNode map, string key)
        {
            var node = Get(map, key);
            if (node is null)
            {
                Problem(map, $"missing '{key}'");
                return null;
            }
            string? value = Scalar(node);
            if (string.IsNullOrWhiteSpace(value))
            {
                Problem(node, $"'{key}' must be a non-empty string");
                return null;
            }
            return value;
        }

        private string? OptionalString(YamlMappingNode map, string key)
        {
            var node = Get(map, key);
            if (node is null)
            {
                return null;
            }
            if (node is not YamlScalarNode s)
            {
                Problem(node, $"'{key}' must be a string");
                return null;
            }
            return s.Value;
        }

        private bool Bool(YamlMappingNode map, string key)
        {
            string? text = OptionalString(map, key);
            if (text is null)
            {
                return false;
            }
            if (text is "true" or "false")
            {
                return text == "true";
            }
            Problem(Get(map, key)!, $"'{key}' must be true or false");
            return false;
        }

        private int? Int(YamlMappingNode map, string key)
        {
            string? text = OptionalString(map, key);
            if (text is null)
            {
                return null;
            }
            if (int.TryParse(text, out int value))
            {
                return value;
            }
            Problem(Get(map, key)!, $"'{key}' must be a whole number");
            return null;
        }

        private List<string> StringList(YamlMappingNode map, string key)
        {
            var list = new List<string>();
            foreach (var item in Sequence(map, key, $"'{key}' must be a list"))
            {
                if (item is YamlScalarNode { Value: { } v })
                {
                    list.Add(v);
                }
                else
                {
                    Problem(item, $"each entry of '{key}' must be a string");
                }
            }
            return list;
        }

        private void Problem(YamlNode node, string message)
        {
            _errors++;
            problems.Add(new CatalogProblem(file, node.Start.Line, message));
        }

        [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$", RegexOptions.CultureInvariant, 1000)]
        private static partial Regex IdPattern();
    }
}
