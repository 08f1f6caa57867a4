namespace SlaGrid.Silo.Alerts;

/// <summary>
/// A wake-up for the alert dispatcher and webhook deliverer after a commit that may have written to the outbox.
/// Signals coalesce: many commits cause at most one extra pass.
/// </summary>
public sealed class AlertSignal
{
    private readonly SemaphoreSlim _dispatcher = new(0, 1);
    private readonly SemaphoreSlim _webhooks = new(0, 1);

    /// <summary>Tells both loops that the outbox may have grown.</summary>
    public void Notify()
    {
        Release(_dispatcher);
        Release(_webhooks);
    }

    /// <summary>Waits for a signal to the dispatcher, at most <paramref name="timeout"/>.</summary>
    public Task<bool> WaitDispatcherAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _dispatcher.WaitAsync(timeout, cancellationToken);

    /// <summary>Waits for a signal to the webhook deliverer, at most <paramref name="timeout"/>.</summary>
    public Task<bool> WaitWebhooksAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _webhooks.WaitAsync(timeout, cancellationToken);

    private static void Release(SemaphoreSlim semaphore)
    {
        try
        {
            if (semaphore.CurrentCount == 0)
            {
                semaphore.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }
}
