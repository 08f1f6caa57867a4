namespace SlaGrid.Silo.Demo;

/// <summary>A timer of the inner clock whose due time and period are given in simulated time.</summary>
internal sealed class ScaledTimer(ScaledTimeProvider clock, ITimer inner) : ITimer
{
    public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.ToInner(dueTime), clock.ToInner(period));

    public void Dispose() => inner.Dispose();

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
