using SlaGrid.Runtime;

namespace SlaGrid.IntegrationTests.Reliability;

/// <summary>A <see cref="Grain{TState}"/> whose every add is a compare-and-swap write through the runtime's state store.</summary>
[GrainType("tally")]
public sealed class TallyGrain : Grain<TallyState>, ITallyGrain
{
    /// <inheritdoc />
    public async Task<int> AddAsync(int amount, string writer, CancellationToken cancellationToken)
    {
        State.Total += amount;
        State.Writers.Add(writer);
        await WriteStateAsync(cancellationToken);
        return State.Total;
    }

    /// <inheritdoc />
    public Task<int> GetAsync(CancellationToken cancellationToken) => Task.FromResult(State.Total);
}
