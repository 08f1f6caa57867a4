using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace SlaGrid.Client.Tests;

/// <summary>Renders an assembly's public surface (public and protected members of public types) as sorted lines.</summary>
internal static class PublicApi
{
    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void", [typeof(object)] = "object", [typeof(string)] = "string", [typeof(bool)] = "bool",
        [typeof(byte)] = "byte", [typeof(char)] = "char", [typeof(short)] = "short", [typeof(int)] = "int",
        [typeof(long)] = "long", [typeof(double)] = "double", [typeof(float)] = "float", [typeof(decimal)] = "decimal",
    };

    public static IReadOnlyList<string> Describe(Assembly assembly)
    {
        var lines = new List<string>();
        var nullability = new NullabilityInfoContext();
        foreach (var type in assembly.GetExportedTypes())
        {
            lines.Add(DescribeType(type));
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetMembers(all))
            {
                if (Describe(type, member, nullability) is { } line)
                {
                    lines.Add(line);
                }
            }
        }

        // Grouped by type: sort on the qualified name, whatever modifiers precede it.
        return [.. lines.OrderBy(l => l[l.IndexOf(assembly.GetName().Name!, StringComparison.Ordinal)..], StringComparer.Ordinal).ThenBy(l => l, StringComparer.Ordinal)];
    }

    private static string DescribeType(Type type)
    {
        var kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct" : "class";
        var modifiers = type.IsInterface || type.IsValueType ? string.Empty
            : type.IsAbstract && type.IsSealed ? "static "
            : type.IsAbstract ? "abstract "
            : type.IsSealed ? "sealed " : string.Empty;
        var bases = new List<string>();
        if (type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum))
        {
            bases.Add(Name(b, null));
        }

        bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Select(i => Name(i, null)).Order(StringComparer.Ordinal));
        return $"{modifiers}{kind} {Name(type, null)}" + (bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty);
    }

    private static string? Describe(Type type, MemberInfo member, NullabilityInfoContext nullability)
    {
        if (member.Name.Contains('<', StringComparison.Ordinal))
        {
            return null; // compiler-generated, not callable (e.g. a record's <Clone>$)
        }

        var owner = Name(type, null);
        switch (member)
        {
            case ConstructorInfo c when Visible(c) && !c.IsStatic:
                return $"{owner}.{Simple(type)}({Parameters(c, nullability)})";
            case MethodInfo m when Visible(m) && (!m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal)):
                var generic = m.IsGenericMethodDefinition ? "<" + string.Join(", ", m.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;
                return $"{Modifiers(m)}{owner}.{m.Name}{generic}({Parameters(m, nullability)}) -> {Name(m.ReturnType, nullability.Create(m.ReturnParameter))}";
            case PropertyInfo p:
                var accessors = new List<string>();
                if (p.GetMethod is { } get && Visible(get))
                {
                    accessors.Add("get");
                }

                if (p.SetMethod is { } set && Visible(set))
                {
                    accessors.Add(set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)) ? "init" : "set");
                }

                if (accessors.Count == 0)
                {
                    return null;
                }

                var accessor = (p.GetMethod ?? p.SetMethod)!;
                var indexer = p.GetIndexParameters() is { Length: > 0 } ip ? "[" + string.Join(", ", ip.Select(x => Name(x.ParameterType, nullability.Create(x)))) + "]" : string.Empty;
                return $"{Modifiers(accessor)}{owner}.{p.Name}{indexer} {{ {string.Join("; ", accessors)}; }} -> {Name(p.PropertyType, nullability.Create(p))}";
            case FieldInfo f when f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly:
                if (type.IsEnum)
                {
                    return f.IsStatic ? $"{owner}.{f.Name} = {Convert.ToInt64(f.GetRawConstantValue(), CultureInfo.InvariantCulture)}" : null;
                }

                var prefix = f.IsLiteral ? "const " : (f.IsStatic ? "static " : string.Empty) + (f.IsInitOnly ? "readonly " : string.Empty);
                var value = f.IsLiteral ? " = " + Literal(f.GetRawConstantValue()) : string.Empty;
                return $"{prefix}{owner}.{f.Name} -> {Name(f.FieldType, nullability.Create(f))}{value}";
            case EventInfo e when e.AddMethod is { } add && Visible(add):
                return $"event {owner}.{e.Name} -> {Name(e.EventHandlerType!, null)}";
            default:
                return null;
        }
    }

    private static bool Visible(MethodBase m) => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly;

    private static string Modifiers(MethodInfo m)
    {
        var access = m.IsPublic ? string.Empty : "protected ";
        if (m.IsStatic)
        {
            return access + "static ";
        }

        if (m.IsAbstract)
        {
            return access + "abstract ";
        }

        if (m.IsVirtual && !m.IsFinal)
        {
            return access + (m.GetBaseDefinition().DeclaringType != m.DeclaringType ? "override " : "virtual ");
        }

        if (m.IsVirtual && m.GetBaseDefinition().DeclaringType != m.DeclaringType)
        {
            return access + "override ";
        }

        return access;
    }

    private static string Parameters(MethodBase method, NullabilityInfoContext nullability) =>
        string.Join(", ", method.GetParameters().Select(p =>
        {
            var type = p.IsOut ? "out " + Name(p.ParameterType.GetElementType()!, nullability.Create(p)) : Name(p.ParameterType, nullability.Create(p));
            var text = $"{(p.IsDefined(typeof(ParamArrayAttribute)) ? "params " : string.Empty)}{type} {p.Name}";
            return p.HasDefaultValue ? text + " = " + Literal(p.RawDefaultValue) : text;
        }));

    private static string Literal(object? value) => value switch
    {
        null => "default",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "default",
    };

    private static string Simple(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    private static string Name(Type type, NullabilityInfo? info)
    {
        if (type.IsByRef)
        {
            return "ref " + Name(type.GetElementType()!, info?.ElementType ?? info);
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying, null) + "?";
        }

        var nullable = !type.IsValueType && info?.ReadState == NullabilityState.Nullable ? "?" : string.Empty;
        if (type.IsArray)
        {
            return Name(type.GetElementType()!, info?.ElementType) + "[]" + nullable;
        }

        if (type.IsGenericParameter)
        {
            return type.Name + nullable;
        }

        if (Keywords.TryGetValue(type, out var keyword))
        {
            return keyword + nullable;
        }

        var prefix = type.IsNested ? Name(type.DeclaringType!, null) + "." : (type.Namespace is { } ns ? ns + "." : string.Empty);
        var name = prefix + Simple(type);
        if (type.IsGenericType)
        {
            var args = type.GetGenericArguments();
            var own = type.IsNested ? args.Skip(type.DeclaringType!.GetGenericArguments().Length).ToArray() : args;
            if (own.Length > 0)
            {
                var offset = args.Length - own.Length;
                name += "<" + string.Join(", ", own.Select((a, i) =>
                    Name(a, info is not null && info.GenericTypeArguments.Length > offset + i ? info.GenericTypeArguments[offset + i] : null))) + ">";
            }
        }

        return name + nullable;
    }
}
