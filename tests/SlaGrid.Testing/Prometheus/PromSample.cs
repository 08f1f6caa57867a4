namespace SlaGrid.Testing.Prometheus;

/// <summary>One sample of an instant vector (or a scalar, with no labels).</summary>
public sealed record PromSample(IReadOnlyDictionary<string, string> Labels, double Value)
{
    /// <summary>A label's value, or empty when the sample has no such label.</summary>
    public string Label(string name) => Labels.TryGetValue(name, out var value) ? value : string.Empty;
}
