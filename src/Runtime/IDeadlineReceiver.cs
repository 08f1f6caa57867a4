namespace SlaGrid.Runtime;

/// <summary>
/// Implemented by grains that register durable deadlines (Orleans' <c>IRemindable</c>). A deadline is delivered at
/// least once: the handler must be idempotent; if it throws, it is retried with backoff.
/// </summary>
public interface IDeadlineReceiver : IGrain
{
    /// <summary>The deadline <paramref name="name"/>, due at <paramref name="dueAt"/>, has fallen due.</summary>
    Task ReceiveDeadlineAsync(string name, DateTimeOffset dueAt, CancellationToken cancellationToken);
}
