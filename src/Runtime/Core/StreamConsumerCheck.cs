using System.Collections.Concurrent;
using SlaGrid.Runtime.Streams;

namespace SlaGrid.Runtime.Core;

/// <summary>Caches whether a grain class consumes items of type <typeparamref name="T"/>.</summary>
internal static class StreamConsumerCheck<T>
{
    private static readonly ConcurrentDictionary<Type, bool> Cache = new();

    public static bool Accepts(GrainClassInfo grainClass) =>
        Cache.GetOrAdd(grainClass.ClassType, static t => t.IsAssignableTo(typeof(IStreamConsumer<T>)));
}
