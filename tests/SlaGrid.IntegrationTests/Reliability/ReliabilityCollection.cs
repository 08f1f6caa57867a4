namespace SlaGrid.IntegrationTests.Reliability;

/// <summary>
/// The reliability tests run one after another (each starts silos, clusters and heavy load; together they would
/// only starve each other on a small machine), in parallel with the rest of the suite.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReliabilityCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Reliability";
}
