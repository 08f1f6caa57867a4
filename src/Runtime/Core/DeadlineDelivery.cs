using SlaGrid.Runtime.Storage;

namespace SlaGrid.Runtime.Core;

/// <summary>A durable deadline delivered to a grain's <see cref="IDeadlineReceiver"/>; its lag is recorded when the handler starts.</summary>
internal sealed class DeadlineDelivery(GrainRuntime runtime, DeadlineEntry entry, CancellationToken cancellationToken) : Message<bool>
{
    public override string Describe() => $"deadline '{entry.Name}' of {entry.GrainType}/{entry.GrainKey}";

    protected override ValueTask<bool> InvokeAsync(Grain grain)
    {
        runtime.Instruments.OnDeadlineFired(runtime.TimeProvider.GetUtcNow() - entry.DueAt);
        return TaskAdapters.FromTask(((IDeadlineReceiver)grain).ReceiveDeadlineAsync(entry.Name, entry.DueAt, cancellationToken));
    }
}
