using System.Collections;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace CiDoctor.Core.Yaml;

/// <summary>
/// YAML for the projects that may not depend on a YAML library (DESIGN.md: only Core may): the
/// environment manifest, a provider's workflow file. Reading gives plain <see cref="YamlValue"/>
/// nodes and writing takes plain .NET values, so no YamlDotNet type is part of Core's API.
/// </summary>
/// <example>
/// <c>YamlText.Parse("tools: [git]")</c> is a <see cref="YamlMapping"/> whose <c>["tools"]</c> is a
/// <see cref="YamlSequence"/> holding the scalar <c>git</c>; <c>YamlText.Write([new("tools", new[] { "git" })])</c>
/// is <c>"tools:\n- git\n"</c>.
/// </example>
public static class YamlText
{
    private static readonly ISerializer Writer = new SerializerBuilder().Build();

    /// <summary>
    /// The first document of <paramref name="text"/>; null when it has none (empty text, only
    /// comments). Anchors and aliases are resolved; a node an alias repeats is one shared object.
    /// </summary>
    /// <exception cref="YamlSyntaxException">The text is not YAML, repeats a key, or has a key that is not a scalar.</exception>
    public static YamlValue? Parse(string text)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw new YamlSyntaxException(e.Message, (int)e.Start.Line, (int)e.Start.Column, e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this on some unterminated flow collections ("[git\nenv: {"):
            // the last event it read is as near as it says.
            var at = parser.Current?.End ?? Mark.Empty;
            int line = Math.Max(1, (int)at.Line);
            throw new YamlSyntaxException($"(Line: {line}, Col: {Math.Max(1, (int)at.Column)}): unexpected end of a flow collection", line, Math.Max(1, (int)at.Column), e);
        }
        return stream.Documents.Count == 0 ? null : new Converter().Convert(stream.Documents[0].RootNode);
    }

    /// <summary>
    /// A mapping in block style, entries in the order given. Values may be strings, booleans,
    /// numbers, lists of values, or nested mappings (<see cref="IEnumerable{T}"/> of
    /// key-value pairs); a string is quoted only where YAML needs it (<c>'a: b'</c>, <c>'#x'</c>).
    /// </summary>
    public static string Write(IEnumerable<KeyValuePair<string, object?>> mapping) => Writer.Serialize(Plain(mapping));

    // The serializer writes dictionaries in their enumeration order and lists as block sequences.
    private static object? Plain(object? value) => value switch
    {
        null or string or bool => value,
        IEnumerable<KeyValuePair<string, object?>> map => map.Aggregate(new OrderedDictionary<string, object?>(StringComparer.Ordinal), (d, e) =>
        {
            d.Add(e.Key, Plain(e.Value));
            return d;
        }),
        IEnumerable list => list.Cast<object?>().Select(Plain).ToList(),
        _ => value,
    };

    // Shared YamlDotNet nodes (an alias) become one shared node here too: an alias bomb stays small.
    private sealed class Converter
    {
        private readonly Dictionary<YamlNode, YamlValue> _done = new(ReferenceEqualityComparer.Instance);

        public YamlValue Convert(YamlNode node)
        {
            if (_done.TryGetValue(node, out var seen))
            {
                return seen;
            }
            return node switch
            {
                YamlScalarNode scalar => _done[node] = Scalar(scalar),
                YamlSequenceNode sequence => Sequence(sequence),
                YamlMappingNode mapping => Mapping(mapping),
                _ => throw Unsupported(node, "unsupported YAML node"),
            };
        }

        // Registered before the children are read, so an alias back to it is the same node.
        private YamlSequence Sequence(YamlSequenceNode node)
        {
            var items = new List<YamlValue>(node.Children.Count);
            var sequence = new YamlSequence(items, (int)node.Start.Line, (int)node.Start.Column);
            _done[node] = sequence;
            items.AddRange(node.Children.Select(Convert));
            return sequence;
        }

        private YamlMapping Mapping(YamlMappingNode node)
        {
            var entries = new List<KeyValuePair<YamlScalar, YamlValue>>(node.Children.Count);
            var mapping = new YamlMapping(entries, (int)node.Start.Line, (int)node.Start.Column);
            _done[node] = mapping;
            foreach (var (key, value) in node.Children)
            {
                var name = Convert(key) as YamlScalar ?? throw Unsupported(key, "a mapping key must be a scalar");
                entries.Add(new(name, Convert(value)));
            }
            return mapping;
        }

        private static YamlSyntaxException Unsupported(YamlNode node, string what) =>
            new($"(Line: {node.Start.Line}, Col: {node.Start.Column}): {what}", (int)node.Start.Line, (int)node.Start.Column);

        // YAML's core schema: an empty plain scalar, ~ and null (in three spellings) are null; quoted text never is.
        private static YamlScalar Scalar(YamlScalarNode node)
        {
            bool plain = node.Style is ScalarStyle.Plain or ScalarStyle.Any;
            string? value = plain && node.Value is null or "" or "~" or "null" or "Null" or "NULL" ? null : node.Value ?? "";
            return new YamlScalar(value, (int)node.Start.Line, (int)node.Start.Column);
        }
    }
}
