namespace SlaGrid.Silo.Tests.Metrics;

/// <summary>One metric family as read by <see cref="Exposition"/>.</summary>
internal sealed class ExpositionFamily(string name)
{
    public string Name { get; } = name;

    public string? Help { get; set; }

    public string? Type { get; set; }

    public List<ExpositionSample> Samples { get; } = [];
}
