using System.Collections.Frozen;
using System.Reflection;

namespace SlaGrid.Runtime.Core;

/// <summary>A registered grain interface: the class behind it and its methods' compiled invokers.</summary>
internal sealed class GrainInterfaceInfo
{
    private readonly FrozenDictionary<MethodInfo, GrainMethod> _methods;

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
        var proxy = (GrainProxy)DispatchProxy.Create(InterfaceType, typeof(GrainProxy));
        proxy.Bind(this, key);
        return proxy;
    }
}
