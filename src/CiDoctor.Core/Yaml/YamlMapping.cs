namespace CiDoctor.Core.Yaml;

/// <summary>A mapping with scalar keys, entries in file order (keys are unique: the parser refuses duplicates).</summary>
public sealed class YamlMapping : YamlValue
{
    internal YamlMapping(IReadOnlyList<KeyValuePair<YamlScalar, YamlValue>> entries, int line, int column) : base(line, column) => Entries = entries;

    public IReadOnlyList<KeyValuePair<YamlScalar, YamlValue>> Entries { get; }

    /// <summary>The value under <paramref name="key"/> (compared ordinally), or null when the mapping has no such key.</summary>
    public YamlValue? this[string key] => Entries.FirstOrDefault(e => e.Key.Value == key).Value;
}
