using SlaGrid.Runtime;

namespace SlaGrid.IntegrationTests.Reliability;

/// <summary>A grain with persistent state (<see cref="TallyGrain"/>), for concurrent-writer tests.</summary>
public interface ITallyGrain : IGrainWithStringKey
{
    /// <summary>Adds <paramref name="amount"/> on behalf of <paramref name="writer"/>, writes the state, returns the new total.</summary>
    Task<int> AddAsync(int amount, string writer, CancellationToken cancellationToken);

    /// <summary>The total this activation holds.</summary>
    Task<int> GetAsync(CancellationToken cancellationToken);
}
