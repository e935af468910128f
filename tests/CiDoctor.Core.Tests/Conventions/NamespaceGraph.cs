using System.Text.RegularExpressions;

namespace CiDoctor.Core.Tests.Conventions;

/// <summary>
/// The import graph of CiDoctor.Core's namespaces (one per folder), read from source text: an
/// edge A → B for each using directive (plain, static or alias) naming B, each fully qualified
/// <c>CiDoctor.Core.B.</c> name, and each partly qualified <c>B.Type</c> that C# resolves from
/// A's enclosing namespaces (<c>Logs.LineSplitter</c> inside <c>CiDoctor.Core.Diagnosis</c>).
/// Comments do not count, doc comments included: a <c>cref</c> to a later stage ("what reads the
/// log again after the diagnosis") is a link for the reader, not code that needs it. Imports of a
/// namespace's own ancestors are left out: C# makes their types visible without a using, so the
/// text cannot show them all, and a child may use its parent.
/// </summary>
internal sealed partial class NamespaceGraph
{
    private const string Root = "CiDoctor.Core";

    private readonly Dictionary<string, Dictionary<string, string>> _edges = new(StringComparer.Ordinal);

    private NamespaceGraph()
    {
    }

    /// <summary>Namespaces relative to CiDoctor.Core ("Logs", "Reports.Html"); "" is CiDoctor.Core itself.</summary>
    public IReadOnlyCollection<string> Namespaces => _edges.Keys;

    /// <summary>Imports of <paramref name="from"/>: namespace → the first place that imports it ("Logs/FastLineReader.cs:3").</summary>
    public IReadOnlyDictionary<string, string> ImportsOf(string from) => _edges.GetValueOrDefault(from) ?? [];

    /// <summary>Reads every .cs file under <paramref name="folder"/> (bin and obj left out).</summary>
    public static NamespaceGraph FromFolder(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(folder, f).Replace('\\', '/'), Text: File.ReadAllText(f)))
            .Where(f => !f.Path.StartsWith("bin/", StringComparison.Ordinal) && !f.Path.StartsWith("obj/", StringComparison.Ordinal))
            .OrderBy(f => f.Path, StringComparer.Ordinal);
        return FromSources(files);
    }

    /// <summary>Builds the graph from (path, text) pairs.</summary>
    public static NamespaceGraph FromSources(IEnumerable<(string Path, string Text)> sources)
    {
        var graph = new NamespaceGraph();
        var files = new List<(string Path, string Namespace, string Code)>();
        var types = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (path, text) in sources)
        {
            string code = WithoutComments(text);
            var declared = Namespace().Match(code);
            if (!declared.Success || !(declared.Groups[1].Value == Root || declared.Groups[1].Value.StartsWith(Root + ".", StringComparison.Ordinal)))
            {
                continue;
            }
            string ns = Relative(declared.Groups[1].Value);
            files.Add((path, ns, code));
            graph._edges.TryAdd(ns, new Dictionary<string, string>(StringComparer.Ordinal));
            if (!types.TryGetValue(ns, out var set))
            {
                types[ns] = set = new HashSet<string>(StringComparer.Ordinal);
            }
            set.UnionWith(TypeDeclaration().Matches(code).Select(m => m.Groups[1].Value));
        }
        foreach (var (path, ns, code) in files)
        {
            foreach (Match reference in Qualified().Matches(code))
            {
                // The longest known namespace the name starts with: CiDoctor.Core.Reports.Html.HtmlText → Reports.Html.
                string[] parts = reference.Groups[1].Value.Split('.');
                for (int n = parts.Length; n >= 1; n--)
                {
                    string target = string.Join('.', parts[..n]);
                    if (graph._edges.ContainsKey(target))
                    {
                        graph.Add(ns, target, path, code, reference.Index);
                        break;
                    }
                }
            }
            foreach (Match reference in PartlyQualified().Matches(code))
            {
                // C# looks the first name up in the file's namespace, then in each enclosing one.
                string first = reference.Groups[1].Value, type = reference.Groups[2].Value;
                for (string scope = ns; ; scope = Parent(scope))
                {
                    string target = scope.Length == 0 ? first : scope + "." + first;
                    if (types.TryGetValue(target, out var declared) && declared.Contains(type))
                    {
                        graph.Add(ns, target, path, code, reference.Index);
                        break;
                    }
                    if (scope.Length == 0)
                    {
                        break;
                    }
                }
            }
        }
        return graph;
    }

    /// <summary>
    /// Cycles of the graph, as the namespaces along each (the first repeated at the end): for each
    /// namespace in name order that is on one, a shortest cycle through it, unless a cycle found
    /// before passes through it.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var cycles = new List<IReadOnlyList<string>>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (string start in _edges.Keys.Order(StringComparer.Ordinal))
        {
            if (done.Contains(start))
            {
                continue;
            }
            var path = ShortestPath(start, start);
            if (path is not null)
            {
                cycles.Add(path);
                done.UnionWith(path);
            }
        }
        return cycles;
    }

    /// <summary>A cycle as text with the place that makes each of its edges: "Logs → Matching (Logs/X.cs:3) → Logs (Matching/Y.cs:1)".</summary>
    public string Describe(IReadOnlyList<string> cycle)
    {
        var text = new System.Text.StringBuilder(Display(cycle[0]));
        for (int i = 1; i < cycle.Count; i++)
        {
            text.Append(" → ").Append(Display(cycle[i])).Append(" (").Append(_edges[cycle[i - 1]][cycle[i]]).Append(')');
        }
        return text.ToString();
    }

    private static string Display(string ns) => ns.Length == 0 ? Root : ns;

    // Breadth first, so the cycle shown is a shortest one through its first namespace.
    private List<string>? ShortestPath(string from, string to)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        queue.Enqueue(from);
        while (queue.Count > 0)
        {
            string at = queue.Dequeue();
            foreach (string next in _edges[at].Keys.Order(StringComparer.Ordinal))
            {
                if (next == to)
                {
                    var path = new List<string> { to };
                    for (string n = at; n != from; n = previous[n])
                    {
                        path.Add(n);
                    }
                    path.Add(from);
                    path.Reverse();
                    return path;
                }
                if (previous.TryAdd(next, at))
                {
                    queue.Enqueue(next);
                }
            }
        }
        return null;
    }

    private void Add(string from, string to, string path, string code, int at)
    {
        if (from == to || IsAncestor(to, from))
        {
            return;
        }
        int line = 1 + code.AsSpan(0, at).Count('\n');
        _edges[from].TryAdd(to, $"{path}:{line}");
    }

    private static bool IsAncestor(string ancestor, string ns) =>
        ancestor.Length == 0 || ns.StartsWith(ancestor + ".", StringComparison.Ordinal);

    private static string Parent(string ns) => ns.Contains('.') ? ns[..ns.LastIndexOf('.')] : "";

    private static string Relative(string ns) => ns == Root ? "" : ns[(Root.Length + 1)..];

    // Comments go, their line ends stay, so positions still give line numbers.
    private static string WithoutComments(string text) =>
        Comment().Replace(text, m => new string('\n', m.Value.Count(c => c == '\n')));

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"\b(?:class|struct|interface|enum|record|delegate\s+[\w<>\[\],.? ]+?)\s+([A-Z]\w*)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"\bCiDoctor\.Core\.([A-Z]\w*(?:\.[A-Z]\w*)*)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Qualified();

    [GeneratedRegex(@"(?<![\w.])([A-Z]\w*)\.([A-Z]\w*)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PartlyQualified();

    [GeneratedRegex(@"/\*.*?\*/|//[^\n]*", RegexOptions.Singleline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Comment();
}
