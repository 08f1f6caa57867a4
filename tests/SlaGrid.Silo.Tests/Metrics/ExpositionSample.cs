namespace SlaGrid.Silo.Tests.Metrics;

/// <summary>One sample line as read by <see cref="Exposition"/>: labels in written order, the value as text and as a number.</summary>
internal sealed record ExpositionSample(string Name, IReadOnlyList<KeyValuePair<string, string>> Labels, string ValueText, double Value)
{
    public string Label(string name) => Labels.FirstOrDefault(l => l.Key == name).Value ?? string.Empty;
}
