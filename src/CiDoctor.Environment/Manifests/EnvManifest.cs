using CiDoctor.Core;
using CiDoctor.Core.Yaml;
using CiDoctor.Env.Snapshots;

namespace CiDoctor.Env.Manifests;

/// <summary>
/// The declared environment (seed 004): one list of the tools and variables every path that runs
/// the job needs. <c>env manifest</c> writes the union of what several snapshots had;
/// <c>env check</c> compares a snapshot with it; <c>env capture --manifest</c> probes its tools.
/// </summary>
public sealed class EnvManifest
{
    /// <summary>Tools that must resolve on PATH.</summary>
    public List<string> Tools { get; set; } = [];

    /// <summary>Environment variables that must be set (values are not compared: they may be secrets).</summary>
    public List<string> Env { get; set; } = [];

    /// <summary>Whether a writable temporary folder is required (default true).</summary>
    public bool WritableTmp { get; set; } = true;

    /// <summary>The union of the tools found and the variables set in <paramref name="snapshots"/>.</summary>
    public static EnvManifest Union(IEnumerable<EnvSnapshot> snapshots)
    {
        var list = snapshots.ToList();
        return new EnvManifest
        {
            Tools = [.. list.SelectMany(s => s.Tools.Where(t => t.Value.Found).Select(t => t.Key)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            // Only variables every snapshot set are requirements; one path's extra variables are its own business.
            Env = [.. list.Skip(1).Aggregate(list.FirstOrDefault()?.Env.Keys.Where(EnvIsRequirement) ?? [], (names, s) => names.Intersect(s.Env.Keys, StringComparer.Ordinal)).Order(StringComparer.Ordinal)],
            WritableTmp = true,
        };
    }

    // Names a manifest should declare: configuration, not per-process or per-run bookkeeping.
    private static bool EnvIsRequirement(string name) => name is "TMPDIR" or "NIX_PATH" or "SSL_CERT_FILE" or "NIX_SSL_CERT_FILE" or "JAVA_HOME" or "DOTNET_ROOT" or "GOPATH" or "CARGO_HOME";

    public string ToYaml() =>
        "# cidoctor env manifest: what every path that runs the job needs (tools on PATH, variables set).\n"
        + YamlText.Write([new("tools", Tools), new("env", Env), new("writableTmp", WritableTmp)]);

    public static EnvManifest Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CiDoctorException($"{path}: no such manifest; write one with 'cidoctor env manifest A.json B.json > {path}'");
        }
        try
        {
            return YamlText.Parse(File.ReadAllText(path)) is { } root ? FromYaml(root) : new EnvManifest();
        }
        catch (YamlSyntaxException e)
        {
            throw new CiDoctorException($"{path}:{e.Line}: not a valid manifest ({e.Message.Split('\n')[0]}); expected 'tools: [git, git-lfs]' and 'env: [TMPDIR]'", e);
        }
    }

    // The keys ToYaml writes; any other key is a mistake worth saying (a misspelt "tool:" would require nothing).
    private static EnvManifest FromYaml(YamlValue root)
    {
        if (root is not YamlMapping map)
        {
            throw Invalid(root, "a manifest is a mapping");
        }
        var manifest = new EnvManifest();
        foreach (var (key, value) in map.Entries)
        {
            switch (key.Value)
            {
                case "tools":
                    manifest.Tools = Names(value, "tools");
                    break;
                case "env":
                    manifest.Env = Names(value, "env");
                    break;
                case "writableTmp":
                    manifest.WritableTmp = value is YamlScalar { Value: { } flag } && bool.TryParse(flag, out bool writable)
                        ? writable
                        : throw Invalid(value, "writableTmp is true or false");
                    break;
                default:
                    throw Invalid(key, $"unknown key '{key.Value}'");
            }
        }
        return manifest;
    }

    // A list of names, blanks dropped and ends trimmed; an absent value is an empty list.
    private static List<string> Names(YamlValue value, string key) => value switch
    {
        YamlScalar { Value: null } => [],
        YamlSequence list => [.. list.Items.Select(item => item is YamlScalar s ? s.Value : throw Invalid(item, $"{key} holds names"))
            .Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim())],
        _ => throw Invalid(value, $"{key} is a list, e.g. {key}: [a, b]"),
    };

    private static YamlSyntaxException Invalid(YamlValue at, string what) =>
        new($"(Line: {at.Line}, Col: {at.Column}): {what}", at.Line, at.Column);
}
