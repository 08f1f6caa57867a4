namespace SlaGrid.Runtime;

/// <summary>
/// A grain timer (Orleans' <c>IGrainTimer</c>): not persisted, never overlapping (the next tick is counted from the end
/// of the previous one), each tick a turn of the grain; stopped by <see cref="IDisposable.Dispose"/> or deactivation.
/// </summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Re-arms the timer: first tick after <paramref name="dueTime"/>, then every <paramref name="period"/>
    /// (<see cref="Timeout.InfiniteTimeSpan"/>: once).</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
