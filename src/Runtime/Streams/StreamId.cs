namespace SlaGrid.Runtime.Streams;

/// <summary>A stream's address: a namespace and a key (Orleans' <c>StreamId</c>).</summary>
/// <param name="Namespace">The namespace, which implicit subscriptions name.</param>
/// <param name="Key">The key; an implicit subscriber is the grain with the same key.</param>
public readonly record struct StreamId(string Namespace, string Key)
{
    /// <inheritdoc />
    public override string ToString() => $"{Namespace}/{Key}";
}
