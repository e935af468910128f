using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CiDoctor.Core.Catalog.Linting;

namespace CiDoctor.History.Clustering;

/// <summary>
/// A suggested catalog mode for a cluster no mode explains (<c>cidoctor catalog suggest</c>):
/// YAML in the schema of DESIGN.md that <c>cidoctor catalog lint</c> accepts when saved as
/// <see cref="Path"/> under a catalog folder, for a person to finish (kind, origin, severity,
/// explain, actions are placeholders: one cluster cannot tell them).
/// <para>The signal comes from the cluster's stable text: the representative signature split at
/// its masked parts (<c>#</c>) gives pieces that every member signature contains; the longest
/// piece that also occurs verbatim in the excerpt becomes a <c>literal</c>, and when two or more
/// stable pieces of 4+ characters exist they become a regex that needs them in order
/// (<c>piece1.*piece2</c>, white space as <c>\s+</c>), which is more specific.</para>
/// </summary>
public sealed partial record CatalogDraft(string Id, string Path, string Yaml)
{
    /// <summary>Drafts a mode for <paramref name="cluster"/>; <paramref name="others"/> (other clusters' excerpts) supply a noMatch example. Null when the cluster has no stable text of 4+ characters.</summary>
    public static CatalogDraft? For(FailureCluster cluster, IEnumerable<string>? others = null)
    {
        string example = cluster.Excerpt.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        var pieces = StablePieces(cluster, example);
        if (pieces.Count == 0)
        {
            return null;
        }
        string name = Slug(pieces.OrderByDescending(p => p.Length).First()) + "-" + cluster.Id[1..7];
        string id = "draft." + name;
        string literal = pieces.OrderByDescending(p => p.Length).First();
        var regexPieces = pieces.Where(p => p.Length >= CatalogLinter.MinAnchor).ToList();
        string? regex = regexPieces.Count >= 2 ? string.Join(".*", regexPieces.Select(p => WhiteSpace().Replace(Regex.Escape(p), @"\s+"))) : null;
        string? noMatch = (others ?? []).Select(o => o.Split('\n')[0].Trim()).FirstOrDefault(o => o.Length > 0 && !Matches(o, literal, regex))
            ?? NearMiss(example, literal, regex);
        if (noMatch is null || !Matches(example, literal, regex))
        {
            return null;
        }
        var yaml = new StringBuilder();
        yaml.Append("# Draft from failure cluster ").Append(cluster.Id).Append(": ").Append(cluster.Count.ToString(CultureInfo.InvariantCulture)).Append(" failure(s)");
        if (cluster.FirstSeen is { } first && cluster.LastSeen is { } last)
        {
            yaml.Append(", ").Append(first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(" to ").Append(last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        yaml.Append('\n');
        if (cluster.Jobs.Count > 0)
        {
            yaml.Append("# Jobs: ").Append(OneLine(string.Join(", ", cluster.Jobs.Take(10)))).Append(cluster.Jobs.Count > 10 ? ", …" : "").Append('\n');
        }
        yaml.Append("# Check kind, origin and severity, write explain and actions, rename the id, then run: cidoctor catalog lint DIR\n");
        yaml.Append("id: ").Append(id).Append('\n');
        yaml.Append("title: ").Append(Quote("Draft: " + Shorten(literal, 80))).Append('\n');
        yaml.Append("kind: other\n");
        yaml.Append("origin: code\n");
        yaml.Append("severity: medium\n");
        yaml.Append("signals:\n");
        yaml.Append(regex is null ? "  - literal: " + Quote(literal) : "  - regex: " + Quote(regex)).Append('\n');
        yaml.Append("explain: ").Append(Quote(Shorten($"The job failed with: {example}", 300).Replace('{', '(').Replace('}', ')'))).Append('\n');
        yaml.Append("examples:\n");
        yaml.Append("  match: [").Append(Quote(example)).Append("]\n");
        yaml.Append("  noMatch: [").Append(Quote(noMatch)).Append("]\n");
        return new CatalogDraft(id, "draft/" + name + ".yaml", yaml.ToString());
    }

    // Pieces of the representative between masked parts, kept when every member signature and the example contain them.
    private static List<string> StablePieces(FailureCluster cluster, string example)
    {
        string first = cluster.Signature.Split('\n')[0];
        return first.Split('#')
            .Select(p => p.Trim())
            .Where(p => p.Length >= CatalogLinter.MinAnchor && p.Any(char.IsLetter))
            .Where(p => cluster.Signatures.All(s => s.Contains(p, StringComparison.Ordinal)))
            .Where(p => example.Contains(p, StringComparison.Ordinal))
            .ToList();
    }

    private static bool Matches(string line, string literal, string? regex) =>
        regex is null ? line.Contains(literal, StringComparison.Ordinal) : Regex.IsMatch(line, regex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // The example without its longest stable piece: same shape, not this failure.
    private static string? NearMiss(string example, string literal, string? regex)
    {
        string miss = example.Replace(literal, "ok", StringComparison.Ordinal).Trim();
        return miss.Length > 0 && !Matches(miss, literal, regex) ? miss : null;
    }

    private static string Slug(string text)
    {
        var words = NotSlug().Split(text.ToLowerInvariant()).Where(w => w.Length > 0).Take(5);
        string slug = string.Join('-', words);
        return slug.Length == 0 ? "failure" : slug.Length > 48 ? slug[..48].TrimEnd('-') : slug;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string OneLine(string text) => new(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());

    // Single-quoted YAML: only ' needs escaping (doubled); control characters become spaces.
    private static string Quote(string text) => "'" + OneLine(text).Replace("'", "''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"[^a-z0-9]+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NotSlug();

    [GeneratedRegex(@"(?:\\ )+|\\t", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex WhiteSpace();
}
