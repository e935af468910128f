using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace CiDoctor.Testing.Conventions;

/// <summary>Facts read from a compiled assembly's metadata and IL (System.Reflection.Metadata, no loading).</summary>
public static class AssemblyMetadata
{
    /// <summary>The names of the assemblies <paramref name="dll"/> references, sorted.</summary>
    public static IReadOnlyList<string> References(string dll)
    {
        using var pe = new PEReader(File.OpenRead(dll));
        var md = pe.GetMetadataReader();
        return [.. md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Every use of a member of type <paramref name="ns"/>.<paramref name="type"/> (e.g. System.Console)
    /// as <c>Our.Type.Method → Console.Member</c>, found in the IL of each method body; a reference
    /// outside IL (an attribute's <c>typeof</c>) is reported as <c>(metadata) → Type</c>.
    /// </summary>
    public static IReadOnlyList<string> Uses(string dll, string ns, string type)
    {
        using var pe = new PEReader(File.OpenRead(dll));
        var md = pe.GetMetadataReader();
        bool IsTarget(TypeReferenceHandle h)
        {
            var t = md.GetTypeReference(h);
            return md.GetString(t.Namespace) == ns && md.GetString(t.Name) == type;
        }
        var targets = md.TypeReferences.Where(IsTarget).ToHashSet();
        if (targets.Count == 0)
        {
            return [];
        }
        var uses = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var typeHandle in md.TypeDefinitions)
        {
            var definition = md.GetTypeDefinition(typeHandle);
            foreach (var methodHandle in definition.GetMethods())
            {
                var method = md.GetMethodDefinition(methodHandle);
                if (method.RelativeVirtualAddress == 0)
                {
                    continue;
                }
                var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader();
                foreach (int token in Tokens(il))
                {
                    if (Target(md, MetadataTokens.EntityHandle(token), targets) is { } member)
                    {
                        uses.Add($"{FullName(md, typeHandle)}.{md.GetString(method.Name)} → {type}{member}");
                    }
                }
            }
        }
        if (uses.Count == 0)
        {
            uses.Add($"(metadata) → {ns}.{type}");
        }
        return [.. uses];
    }

    // ".Member" when the token is a member of a target type, "" for the type itself, null otherwise.
    private static string? Target(MetadataReader md, EntityHandle handle, HashSet<TypeReferenceHandle> targets)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeReference:
                return targets.Contains((TypeReferenceHandle)handle) ? "" : null;
            case HandleKind.MemberReference:
                var member = md.GetMemberReference((MemberReferenceHandle)handle);
                return member.Parent.Kind == HandleKind.TypeReference && targets.Contains((TypeReferenceHandle)member.Parent)
                    ? "." + md.GetString(member.Name)
                    : null;
            case HandleKind.MethodSpecification:
                return Target(md, md.GetMethodSpecification((MethodSpecificationHandle)handle).Method, targets);
            default:
                return null;
        }
    }

    private static string FullName(MetadataReader md, TypeDefinitionHandle handle)
    {
        var t = md.GetTypeDefinition(handle);
        string name = md.GetString(t.Name);
        var outer = t.GetDeclaringType();
        string ns = md.GetString(t.Namespace);
        return !outer.IsNil ? $"{FullName(md, outer)}+{name}" : ns.Length == 0 ? name : $"{ns}.{name}";
    }

    // The metadata tokens among the IL's operands (calls, field accesses, ldtoken, newobj, ...).
    private static IEnumerable<int> Tokens(BlobReader il)
    {
        var tokens = new List<int>();
        while (il.RemainingBytes > 0)
        {
            int code = il.ReadByte();
            var op = code == 0xFE ? TwoByte[il.ReadByte()] : OneByte[code];
            switch (op.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    tokens.Add(il.ReadInt32());
                    break;
                case OperandType.InlineSwitch:
                    int targets = il.ReadInt32();   // read first: "Offset += 4 * ReadInt32()" would add to the offset before the read
                    il.Offset += 4 * targets;
                    break;
                default:
                    il.Offset += OperandSize(op.OperandType);
                    break;
            }
        }
        return tokens;
    }

    private static int OperandSize(OperandType type) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    private static readonly OpCode[] OneByte = new OpCode[256];
    private static readonly OpCode[] TwoByte = new OpCode[256];

#pragma warning disable CA1810 // The tables are built from OpCodes' fields once; an initializer per entry is not possible.
    static AssemblyMetadata()
#pragma warning restore CA1810
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var op = (OpCode)field.GetValue(null)!;
            ushort value = (ushort)op.Value;
            if (op.Size == 1)
            {
                OneByte[value] = op;
            }
            else
            {
                TwoByte[value & 0xFF] = op;
            }
        }
    }
}
