namespace SlaGrid.Runtime;

/// <summary>Makes grain references (Orleans' <c>IGrainFactory</c>).</summary>
public interface IGrainFactory
{
    /// <summary>
    /// Returns a reference to the grain <paramref name="key"/> behind <typeparamref name="TGrainInterface"/>.
    /// Getting a reference creates nothing: the first call through it activates the grain.
    /// </summary>
    /// <exception cref="ArgumentException">The key is null or empty.</exception>
    /// <exception cref="InvalidOperationException">No grain class was registered for the interface.</exception>
    TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey;
}
