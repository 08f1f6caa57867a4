namespace SlaGrid.Runtime.Streams;

/// <summary>Gives streams to publishers outside grains (Orleans' <c>IStreamProvider</c>); grains use <see cref="Grain.GetStream{T}"/>.</summary>
public interface IStreamProvider
{
    /// <summary>The stream at <paramref name="id"/>.</summary>
    IAsyncStream<T> GetStream<T>(StreamId id);
}
