namespace CiDoctor.Core.Yaml;

/// <summary>A scalar: <c>git</c>, <c>'a: b'</c>, <c>true</c>, <c>1.5</c>.</summary>
public sealed class YamlScalar : YamlValue
{
    internal YamlScalar(string? value, int line, int column) : base(line, column) => Value = value;

    /// <summary>
    /// The scalar's text, not converted (<c>true</c> and <c>1.5</c> stay text); null for a YAML null:
    /// an empty value or a plain <c>~</c>, <c>null</c>, <c>Null</c> or <c>NULL</c> (a quoted <c>'null'</c> is text).
    /// </summary>
    public string? Value { get; }
}
