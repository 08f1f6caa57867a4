using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using SlaGrid.Runtime.Streams;

namespace SlaGrid.Runtime.Core;

/// <summary>A registered grain class: its stable name, how to create it, its traits and its activation directory.</summary>
internal sealed class GrainClassInfo
{
    private long _live;

    public GrainClassInfo(Type classType)
    {
        if (!classType.IsAssignableTo(typeof(Grain)) || classType.IsAbstract)
        {
            throw new InvalidOperationException($"{classType.Name} must be a concrete class deriving from Grain.");
        }

        ClassType = classType;
        Name = classType.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? classType.Name;
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new InvalidOperationException($"{classType.Name} has an empty [GrainType] name.");
        }

        Factory = ActivatorUtilities.CreateFactory(classType, Type.EmptyTypes);
        IsReentrant = classType.IsDefined(typeof(ReentrantAttribute), inherit: true);
        KeepAlive = classType.IsDefined(typeof(KeepAliveAttribute), inherit: true);
        IsDeadlineReceiver = classType.IsAssignableTo(typeof(IDeadlineReceiver));
        StreamNamespaces = [.. classType.GetCustomAttributes<ImplicitStreamSubscriptionAttribute>().Select(a => a.Namespace).Distinct()];
        if (StreamNamespaces.Length > 0 && !classType.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IStreamConsumer<>)))
        {
            throw new InvalidOperationException($"{classType.Name} has [ImplicitStreamSubscription] but does not implement IStreamConsumer<T>.");
        }
    }

    /// <summary>Whether idle collection skips this class (<see cref="KeepAliveAttribute"/>).</summary>
    public bool KeepAlive { get; }

    public Type ClassType { get; }

    public string Name { get; }

    public ObjectFactory Factory { get; }

    public bool IsReentrant { get; }

    public bool IsDeadlineReceiver { get; }

    public string[] StreamNamespaces { get; }

    /// <summary>The activations of this class by key (one per key in this runtime).</summary>
    public ConcurrentDictionary<string, Activation> Directory { get; } = new(StringComparer.Ordinal);

    /// <summary>How many activations are active (activated and not yet deactivated).</summary>
    public long LiveCount => Interlocked.Read(ref _live);

    public void OnActivated() => Interlocked.Increment(ref _live);

    public void OnDeactivated() => Interlocked.Decrement(ref _live);
}
