using CiDoctor.Env.Snapshots;

namespace CiDoctor.Env.Manifests;

/// <summary>Something a snapshot lacks against the manifest (declared vs operational, seed 003).</summary>
/// <param name="Kind">tool-missing, tool-not-probed, env-missing or tmpdir.</param>
public sealed record ManifestGap(string Kind, string Name, string Detail);

/// <summary><c>cidoctor env check SNAP --manifest env.yaml</c>: what this path lacks.</summary>
public static class ManifestCheck
{
    public static IReadOnlyList<ManifestGap> Check(EnvSnapshot snapshot, EnvManifest manifest)
    {
        var gaps = new List<ManifestGap>();
        foreach (string tool in manifest.Tools)
        {
            if (!snapshot.Tools.TryGetValue(tool, out var info))
            {
                gaps.Add(new ManifestGap("tool-not-probed", tool, $"{tool} was not looked for in this snapshot: capture with --manifest or --tools {tool}"));
            }
            else if (!info.Found)
            {
                gaps.Add(new ManifestGap("tool-missing", tool, $"{tool} is declared but not on PATH here ({string.Join(':', snapshot.Path.Select(p => p.Dir))})"));
            }
        }
        foreach (string name in manifest.Env.Where(n => !snapshot.Env.ContainsKey(n)))
        {
            gaps.Add(new ManifestGap("env-missing", name, $"{name} is declared but not set here"));
        }
        var tmp = snapshot.Tmp;
        if (manifest.WritableTmp && !(tmp.Exists && tmp.Writable && tmp.CreatedTempDir))
        {
            gaps.Add(new ManifestGap("tmpdir", tmp.Path, $"no temporary folder can be created in {tmp.Path} ({tmp.Error ?? "not writable"})"));
        }
        return gaps;
    }
}
