using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace CiDoctor.Testing.Conventions;

/// <summary>
/// An assembly's public surface as sorted text lines, one per public type and one per member
/// another assembly can use (public, or protected on an unsealed type), each line starting with
/// the type's full name so that a diff names it:
/// <code>
/// CiDoctor.Core.Yaml.YamlText: static class
/// CiDoctor.Core.Yaml.YamlText: static YamlValue? Parse(string text)
/// </code>
/// docs/ARCHITECTURE.md says what is left out and why.
/// </summary>
public static class PublicApi
{
    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void",
        [typeof(object)] = "object",
        [typeof(string)] = "string",
        [typeof(bool)] = "bool",
        [typeof(byte)] = "byte",
        [typeof(sbyte)] = "sbyte",
        [typeof(char)] = "char",
        [typeof(short)] = "short",
        [typeof(ushort)] = "ushort",
        [typeof(int)] = "int",
        [typeof(uint)] = "uint",
        [typeof(long)] = "long",
        [typeof(ulong)] = "ulong",
        [typeof(float)] = "float",
        [typeof(double)] = "double",
        [typeof(decimal)] = "decimal",
    };

    public static IReadOnlyList<string> Listing(Assembly assembly)
    {
        var nullability = new NullabilityInfoContext();
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().OrderBy(FullName, StringComparer.Ordinal))
        {
            string prefix = FullName(type) + ": ";
            lines.Add(prefix + Declaration(type, nullability));
            lines.AddRange(Members(type, nullability).Order(StringComparer.Ordinal).Select(m => prefix + m));
        }
        return lines;
    }

    private static string FullName(Type type) =>
        type.IsNested ? FullName(type.DeclaringType!) + "." + Name(type) : (type.Namespace is { } ns ? ns + "." : "") + Name(type);

    // The type's own name with its generic parameters: Box<T>.
    private static string Name(Type type)
    {
        string name = type.Name.Split('`')[0];
        var own = type.GetGenericArguments().Skip(type.DeclaringType?.GetGenericArguments().Length ?? 0).ToList();
        return own.Count == 0 ? name : $"{name}<{string.Join(", ", own.Select(a => a.Name))}>";
    }

    private static string Declaration(Type type, NullabilityInfoContext nullability)
    {
        if (type.IsEnum)
        {
            var underlying = Enum.GetUnderlyingType(type);
            return underlying == typeof(int) ? "enum" : "enum : " + Keywords[underlying];
        }
        if (typeof(Delegate).IsAssignableFrom(type))
        {
            var invoke = type.GetMethod("Invoke")!;
            return $"delegate {TypeName(invoke.ReturnType, Info(nullability, invoke.ReturnParameter))} ({Parameters(invoke, nullability)})";
        }
        string kind = type.IsInterface ? "interface"
            : type.IsValueType ? (type.IsDefined(typeof(IsReadOnlyAttribute)) ? "readonly " : "") + (IsRecord(type) ? "record struct" : "struct")
            : (type.IsAbstract && type.IsSealed ? "static " : type.IsAbstract ? "abstract " : type.IsSealed ? "sealed " : "") + (IsRecord(type) ? "record" : "class");
        var bases = new List<string>();
        if (type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType))
        {
            bases.Add(TypeName(b, null));
        }
        bases.AddRange(type.GetInterfaces().Select(i => TypeName(i, null)).Order(StringComparer.Ordinal));
        return bases.Count == 0 ? kind : $"{kind} : {string.Join(", ", bases)}";
    }

    private static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$") is not null
        || (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null);

    private static IEnumerable<string> Members(Type type, NullabilityInfoContext nullability)
    {
        if (typeof(Delegate).IsAssignableFrom(type))
        {
            yield break;
        }
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.IsEnum)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                yield return $"{field.Name} = {Convert.ToString(field.GetRawConstantValue(), CultureInfo.InvariantCulture)}";
            }
            yield break;
        }
        bool record = IsRecord(type);
        var accessors = new HashSet<MethodInfo>();
        foreach (var property in type.GetProperties(All))
        {
            var methods = property.GetAccessors(nonPublic: true);
            accessors.UnionWith(methods);
            if (Visible(type, methods) && !property.Name.Contains('<', StringComparison.Ordinal) && !(record && property.Name == "EqualityContract"))
            {
                yield return Property(type, property, nullability);
            }
        }
        foreach (var e in type.GetEvents(All))
        {
            var methods = new[] { e.AddMethod, e.RemoveMethod, e.RaiseMethod }.OfType<MethodInfo>().ToArray();
            accessors.UnionWith(methods);
            if (Visible(type, methods))
            {
                yield return $"{Modifiers(type, methods[0])}event {TypeName(e.EventHandlerType!, nullability.Create(e))} {e.Name}";
            }
        }
        foreach (var field in type.GetFields(All).Where(f => Visible(type, f) && !f.Name.Contains('<', StringComparison.Ordinal)))
        {
            string access = field.IsFamily || field.IsFamilyOrAssembly ? "protected " : "";
            string name = TypeName(field.FieldType, nullability.Create(field));
            yield return field.IsLiteral
                ? $"{access}const {name} {field.Name} = {Value(field.GetRawConstantValue())}"
                : $"{access}{(field.IsStatic ? "static " : "")}{(field.IsInitOnly ? "readonly " : "")}{name} {field.Name}";
        }
        foreach (var ctor in type.GetConstructors(All).Where(c => !c.IsStatic && Visible(type, c)))
        {
            yield return $"{Modifiers(type, ctor)}ctor({Parameters(ctor, nullability)})";
        }
        foreach (var method in type.GetMethods(All))
        {
            if (accessors.Contains(method) || !Visible(type, method) || method.Name.Contains('<', StringComparison.Ordinal)
                || method.GetBaseDefinition().DeclaringType == typeof(object) && method.Name is "Equals" or "GetHashCode" or "ToString" or "Finalize"
                || (record && method.Name == "PrintMembers"))
            {
                continue;
            }
            string generic = method.IsGenericMethodDefinition ? $"<{string.Join(", ", method.GetGenericArguments().Select(a => a.Name))}>" : "";
            yield return $"{Modifiers(type, method)}{TypeName(method.ReturnType, Info(nullability, method.ReturnParameter))} {method.Name}{generic}({Parameters(method, nullability)})";
        }
    }

    private static bool Visible(Type type, MemberInfo member) => member switch
    {
        MethodBase m => m.IsPublic || (!type.IsSealed && (m.IsFamily || m.IsFamilyOrAssembly)),
        FieldInfo f => f.IsPublic || (!type.IsSealed && (f.IsFamily || f.IsFamilyOrAssembly)),
        _ => false,
    };

    private static bool Visible(Type type, IEnumerable<MethodInfo> accessors) => accessors.Any(a => Visible(type, a));

    private static string Modifiers(Type type, MethodBase method)
    {
        string access = method.IsPublic ? "" : "protected ";
        if (type.IsInterface)
        {
            return access + (method.IsStatic ? "static " : "");
        }
        string shape = method.IsStatic ? "static "
            : method.IsAbstract ? "abstract "
            : method is MethodInfo m && m.GetBaseDefinition() != m ? (m.IsFinal ? "sealed override " : "override ")
            : method.IsVirtual && !method.IsFinal ? "virtual "
            : "";
        return access + shape;
    }

    private static string Property(Type type, PropertyInfo property, NullabilityInfoContext nullability)
    {
        var getter = property.GetMethod is { } g && Visible(type, g) ? g : null;
        var setter = property.SetMethod is { } s && Visible(type, s) ? s : null;
        var indexes = property.GetIndexParameters();
        string name = indexes.Length == 0
            ? property.Name
            : $"this[{string.Join(", ", indexes.Select(p => Parameter(p, nullability)))}]";
        var parts = new List<string>();
        if (getter is not null)
        {
            parts.Add((getter.IsPublic ? "" : "protected ") + "get;");
        }
        if (setter is not null)
        {
            bool init = setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
            parts.Add((setter.IsPublic ? "" : "protected ") + (init ? "init;" : "set;"));
        }
        var first = (getter ?? setter)!;
        string modifiers = Modifiers(type, first);
        if (!first.IsPublic)
        {
            modifiers = modifiers["protected ".Length..];
        }
        return $"{modifiers}{TypeName(property.PropertyType, nullability.Create(property))} {name} {{ {string.Join(" ", parts)} }}";
    }

    private static string Parameters(MethodBase method, NullabilityInfoContext nullability)
    {
        bool extension = method.IsDefined(typeof(ExtensionAttribute));
        return string.Join(", ", method.GetParameters().Select((p, i) => (extension && i == 0 ? "this " : "") + Parameter(p, nullability)));
    }

    private static string Parameter(ParameterInfo p, NullabilityInfoContext nullability)
    {
        string prefix = p.IsOut ? "out " : p.ParameterType.IsByRef ? (p.IsIn ? "in " : "ref ") : p.IsDefined(typeof(ParamArrayAttribute)) ? "params " : "";
        string text = $"{prefix}{TypeName(p.ParameterType, Info(nullability, p), write: true)} {p.Name}";
        return p.HasDefaultValue ? $"{text} = {Value(p.DefaultValue)}" : text;
    }

    private static NullabilityInfo? Info(NullabilityInfoContext nullability, ParameterInfo parameter)
    {
        try
        {
            return nullability.Create(parameter);
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException)
        {
            return null;
        }
    }

    private static string Value(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        char c => $"'{c}'",
        Enum e => $"{e.GetType().Name}.{e}",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // C#-like, without namespaces: IReadOnlyList<string?>, int?, Func<Stream>?.
    private static string TypeName(Type type, NullabilityInfo? info, bool write = false)
    {
        if (type.IsByRef)
        {
            return TypeName(type.GetElementType()!, info?.ElementType ?? info, write);
        }
        string mark = info is not null && !type.IsValueType && (write ? info.WriteState : info.ReadState) == NullabilityState.Nullable ? "?" : "";
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return TypeName(inner, info?.GenericTypeArguments.FirstOrDefault(), write) + "?";
        }
        if (type.IsArray)
        {
            return $"{TypeName(type.GetElementType()!, info?.ElementType, write)}[{new string(',', type.GetArrayRank() - 1)}]{mark}";
        }
        if (Keywords.TryGetValue(type, out var keyword))
        {
            return keyword + mark;
        }
        if (type.IsGenericParameter)
        {
            return type.Name + mark;
        }
        string outer = type.IsNested && !type.IsGenericParameter ? TypeName(type.DeclaringType!, null) + "." : "";
        string name = type.Name.Split('`')[0];
        if (type.IsGenericType && type.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true)
        {
            var items = type.GetGenericArguments();
            var itemInfos = info?.GenericTypeArguments ?? [];
            return $"({string.Join(", ", items.Select((a, i) => TypeName(a, i < itemInfos.Length ? itemInfos[i] : null, write)))})";
        }
        if (type.IsGenericType)
        {
            var args = type.GetGenericArguments();
            int skip = type.DeclaringType?.GetGenericArguments().Length ?? 0;
            var argInfos = info?.GenericTypeArguments ?? [];
            var own = args.Select((a, i) => TypeName(a, i < argInfos.Length ? argInfos[i] : null, write)).Skip(skip).ToList();
            if (own.Count > 0)
            {
                name += $"<{string.Join(", ", own)}>";
            }
        }
        return outer + name + mark;
    }
}
