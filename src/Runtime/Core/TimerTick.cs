namespace SlaGrid.Runtime.Core;

/// <summary>One tick of a grain timer: a turn that does not keep the grain alive and dies with its activation.</summary>
internal sealed class TimerTick(GrainTimer timer, Func<CancellationToken, Task> callback, CancellationToken cancellationToken) : Message<bool>
{
    public override bool KeepsAlive => false;

    public override bool BoundToActivation => true;

    public override string Describe() => $"timer tick of {timer.Describe()}";

    protected override ValueTask<bool> InvokeAsync(Grain grain) => TaskAdapters.FromTask(callback(cancellationToken));
}
