namespace CiDoctor.Core.Yaml;

/// <summary>A sequence (<c>[a, b]</c> or <c>- a</c> lines), items in file order.</summary>
public sealed class YamlSequence : YamlValue
{
    internal YamlSequence(IReadOnlyList<YamlValue> items, int line, int column) : base(line, column) => Items = items;

    public IReadOnlyList<YamlValue> Items { get; }
}
