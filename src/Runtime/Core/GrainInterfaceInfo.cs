using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;

namespace SlaGrid.Runtime.Core;

/// <summary>A registered grain interface: the class behind it and its methods' compiled invokers.</summary>
internal sealed class GrainInterfaceInfo
{
    private readonly FrozenDictionary<MethodInfo, GrainMethod> _methods;
    private Func<GrainProxy>? _newProxy;

    public GrainInterfaceInfo(GrainRuntime runtime, Type interfaceType, GrainClassInfo grainClass)
    {
        Runtime = runtime;
        InterfaceType = interfaceType;
        GrainClass = grainClass;
        var methods = new Dictionary<MethodInfo, GrainMethod>();
        foreach (var type in interfaceType.GetInterfaces().Append(interfaceType))
        {
            if (type.GetProperties().Length > 0 || type.GetEvents().Length > 0)
            {
                throw new InvalidOperationException($"Grain interface {type.Name} must declare only methods.");
            }

            foreach (var method in type.GetMethods())
            {
                methods[method] = GrainMethod.Create(method);
            }
        }

        _methods = methods.ToFrozenDictionary();
    }

    public GrainRuntime Runtime { get; }

    public Type InterfaceType { get; }

    public GrainClassInfo GrainClass { get; }

    public GrainMethod GetMethod(MethodInfo method) =>
        _methods.TryGetValue(method, out var found)
            ? found
            : throw new InvalidOperationException($"{method.Name} is not a method of grain interface {InterfaceType.Name}.");

    public GrainProxy CreateProxy(string key)
    {
        var proxy = _newProxy?.Invoke() ?? CreateFirstProxy();
        proxy.Bind(this, key);
        return proxy;
    }

    /// <summary>
    /// Creates a proxy through <see cref="DispatchProxy"/>, and caches a compiled constructor call for its generated type
    /// when it has a parameterless one (DispatchProxy.Create goes through reflection on every call).
    /// </summary>
    private GrainProxy CreateFirstProxy()
    {
        var proxy = (GrainProxy)DispatchProxy.Create(InterfaceType, typeof(GrainProxy));
        var type = proxy.GetType();
        Expression? construct = null;
        if (type.GetConstructor(Type.EmptyTypes) is { } parameterless)
        {
            construct = Expression.New(parameterless);
        }
        else if (type.GetConstructor([typeof(MethodInfo[])]) is { } withMethods
            && type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
                .SingleOrDefault(f => f.FieldType == typeof(MethodInfo[]))?.GetValue(proxy) is MethodInfo[] methods)
        {
            // .NET's generator passes the proxy type's method table to its constructor: reuse the one it gave the first proxy.
            construct = Expression.New(withMethods, Expression.Constant(methods));
        }

        if (construct is not null)
        {
            _newProxy = Expression.Lambda<Func<GrainProxy>>(Expression.Convert(construct, typeof(GrainProxy))).Compile();
        }

        return proxy;
    }
}
