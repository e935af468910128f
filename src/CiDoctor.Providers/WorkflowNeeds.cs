using System.Text.RegularExpressions;
using CiDoctor.Core.Yaml;

namespace CiDoctor.Providers;

/// <summary>
/// REST job lists carry no <c>needs</c>: read them from the workflow file (GitHub Actions and
/// Forgejo/Gitea syntax) and map them onto the jobs the API listed, whose names are the job's
/// <c>name:</c> (matrix values filled in) or its key, sometimes followed by " (matrix values)".
/// </summary>
public static partial class WorkflowNeeds
{
    /// <summary>
    /// The same from a contents-API answer (GitHub, Forgejo and Gitea all return the file as
    /// base64 in <c>content</c>, with line breaks); null when it holds no readable workflow.
    /// </summary>
    public static Dictionary<string, List<string>>? FromContents(System.Text.Json.JsonElement answer, IReadOnlyList<string> apiJobNames)
    {
        string? content = answer.Str("content");
        if (content is null)
        {
            return null;
        }
        try
        {
            return Map(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(content.Replace("\n", "", StringComparison.Ordinal))), apiJobNames);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>API job name → names of the API jobs it needs; null when the YAML cannot be read.</summary>
    public static Dictionary<string, List<string>>? Map(string yaml, IReadOnlyList<string> apiJobNames)
    {
        var keys = Jobs(yaml);
        if (keys is null)
        {
            return null;
        }
        var keyOf = apiJobNames.ToDictionary(n => n, n => keys.FirstOrDefault(k => Matches(n, k.Label, k.Key))?.Key, StringComparer.Ordinal);
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string name in apiJobNames)
        {
            if (keyOf[name] is not { } key)
            {
                continue;
            }
            var needs = keys.First(k => k.Key == key).Needs;
            result[name] = [.. apiJobNames.Where(other => keyOf[other] is { } otherKey && needs.Contains(otherKey))];
        }
        return result;
    }

    private sealed record JobKey(string Key, string Label, IReadOnlyList<string> Needs);

    private static List<JobKey>? Jobs(string yaml)
    {
        try
        {
            if (YamlText.Parse(yaml) is not YamlMapping root || root["jobs"] is not YamlMapping jobs)
            {
                return null;
            }
            var list = new List<JobKey>();
            foreach (var (keyNode, body) in jobs.Entries)
            {
                string key = keyNode.Value ?? "";
                string label = key;
                var needs = new List<string>();
                if (body is YamlMapping map)
                {
                    if (map["name"] is YamlScalar { Value: { } nameValue })
                    {
                        label = nameValue;
                    }
                    needs.AddRange(map["needs"] switch
                    {
                        YamlScalar { Value: { } one } => [one],
                        YamlSequence seq => seq.Items.OfType<YamlScalar>().Select(s => s.Value).OfType<string>(),
                        _ => [],
                    });
                }
                list.Add(new JobKey(key, label, needs));
            }
            return list;
        }
        catch (YamlSyntaxException)
        {
            return null;
        }
    }

    private static bool Matches(string apiName, string label, string key)
    {
        if (apiName == label || apiName == key || apiName.StartsWith(label + " (", StringComparison.Ordinal) || apiName.StartsWith(key + " (", StringComparison.Ordinal))
        {
            return true;
        }
        if (!label.Contains("${{", StringComparison.Ordinal))
        {
            return false;
        }
        // "build ${{ matrix.os }}" matches "build ubuntu-latest".
        string pattern = "^" + string.Join(".+", Expression().Split(label).Select(Regex.Escape)) + "$";
        return Regex.IsMatch(apiName, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    [GeneratedRegex(@"\$\{\{.*?\}\}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Expression();
}
