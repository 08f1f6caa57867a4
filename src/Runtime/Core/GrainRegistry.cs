using System.Collections.Frozen;

namespace SlaGrid.Runtime.Core;

/// <summary>The registered grain classes and interfaces, checked when the runtime is built.</summary>
internal sealed class GrainRegistry
{
    private readonly FrozenDictionary<Type, GrainInterfaceInfo> _interfaces;
    private readonly FrozenDictionary<string, GrainClassInfo> _classesByName;
    private readonly FrozenDictionary<string, GrainClassInfo[]> _streamSubscribers;

    public GrainRegistry(GrainRuntime runtime, GrainRegistrations registrations)
    {
        var classes = new Dictionary<Type, GrainClassInfo>();
        var byName = new Dictionary<string, GrainClassInfo>(StringComparer.Ordinal);
        var interfaces = new Dictionary<Type, GrainInterfaceInfo>();
        foreach (var registration in registrations.Items)
        {
            if (!classes.TryGetValue(registration.ClassType, out var grainClass))
            {
                grainClass = new GrainClassInfo(registration.ClassType);
                if (byName.TryGetValue(grainClass.Name, out var clash))
                {
                    throw new InvalidOperationException($"Grain classes {clash.ClassType.Name} and {grainClass.ClassType.Name} share the type name '{grainClass.Name}'.");
                }

                classes.Add(registration.ClassType, grainClass);
                byName.Add(grainClass.Name, grainClass);
            }

            if (registration.InterfaceType is { } interfaceType)
            {
                if (interfaces.TryGetValue(interfaceType, out var existing) && existing.GrainClass != grainClass)
                {
                    throw new InvalidOperationException(
                        $"Grain interface {interfaceType.Name} is registered for both {existing.GrainClass.ClassType.Name} and {grainClass.ClassType.Name}.");
                }

                interfaces[interfaceType] = new GrainInterfaceInfo(runtime, interfaceType, grainClass);
            }
        }

        _interfaces = interfaces.ToFrozenDictionary();
        _classesByName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        _streamSubscribers = byName.Values
            .SelectMany(c => c.StreamNamespaces.Select(ns => (ns, c)))
            .GroupBy(x => x.ns, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.c).ToArray(), StringComparer.Ordinal);
        Classes = [.. byName.Values];
    }

    public GrainClassInfo[] Classes { get; }

    public GrainInterfaceInfo GetInterface(Type interfaceType) =>
        _interfaces.TryGetValue(interfaceType, out var info)
            ? info
            : throw new InvalidOperationException($"No grain class is registered for {interfaceType.Name}: add it with AddGrain<{interfaceType.Name}, TGrain>().");

    public GrainClassInfo? FindClass(string grainType) => _classesByName.GetValueOrDefault(grainType);

    public GrainClassInfo[] GetStreamSubscribers(string streamNamespace) =>
        _streamSubscribers.TryGetValue(streamNamespace, out var found) ? found : [];
}
