using CiDoctor.Core;
using CiDoctor.Env.Snapshots;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

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

    private static readonly IDeserializer Reader = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
    private static readonly ISerializer Writer = new SerializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();

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
        "# cidoctor env manifest: what every path that runs the job needs (tools on PATH, variables set).\n" + Writer.Serialize(this);

    public static EnvManifest Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CiDoctorException($"{path}: no such manifest; write one with 'cidoctor env manifest A.json B.json > {path}'");
        }
        try
        {
            var manifest = Reader.Deserialize<EnvManifest?>(File.ReadAllText(path)) ?? new EnvManifest();
            manifest.Tools = [.. manifest.Tools.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim())];
            manifest.Env = [.. manifest.Env.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim())];
            return manifest;
        }
        catch (YamlException e)
        {
            throw new CiDoctorException($"{path}:{e.Start.Line}: not a valid manifest ({e.Message.Split('\n')[0]}); expected 'tools: [git, git-lfs]' and 'env: [TMPDIR]'", e);
        }
    }
}
