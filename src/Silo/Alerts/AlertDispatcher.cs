using Microsoft.Extensions.Options;
using SlaGrid.Grains.Live;
using SlaGrid.Grains.Persistence;
using SlaGrid.Grains.Reference;

namespace SlaGrid.Silo.Alerts;

/// <summary>
/// Tails the alert outbox and hands each entry to the live subscribers of the alert's unit and of every unit above
/// it. Live delivery starts at the outbox head when the silo starts; a client that reconnects with Last-Event-ID
/// reads what it missed from the outbox itself.
/// </summary>
public sealed partial class AlertDispatcher(
    ISlaGridStorage storage,
    LiveHub hub,
    ReferenceCatalog reference,
    AlertSignal signal,
    AlertInstruments instruments,
    IOptions<AlertOptions> options,
    ILogger<AlertDispatcher> logger) : BackgroundService
{
    private long _cursor = -1;

    /// <summary>The last outbox sequence handed to subscribers.</summary>
    public long Cursor => Interlocked.Read(ref _cursor);

    /// <summary>Reads and dispatches everything after the cursor (one pass); returns how many entries it handled.</summary>
    public async Task<int> PumpAsync(CancellationToken cancellationToken)
    {
        if (Cursor < 0)
        {
            Interlocked.Exchange(ref _cursor, await storage.Alerts.GetOutboxHeadAsync(cancellationToken));
        }

        var handled = 0;
        while (true)
        {
            var entries = await storage.Alerts.ReadOutboxAsync(Cursor, options.Value.BatchSize, cancellationToken);
            foreach (var entry in entries)
            {
                Dispatch(entry);
                Interlocked.Exchange(ref _cursor, entry.Sequence);
            }

            handled += entries.Count;
            if (entries.Count < options.Value.BatchSize)
            {
                return handled;
            }
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PumpAsync(stoppingToken);
                await signal.WaitDispatcherAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPumpFailed(logger, ex);
                await Task.Delay(options.Value.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private void Dispatch(AlertOutboxEntry entry)
    {
        if (entry.Event == "raised")
        {
            instruments.OnAlertRaised(entry.Alert.Kind);
        }

        var unitId = entry.Alert.UnitId;
        hub.Publish(new LiveMessage(unitId, null, entry));
        foreach (var ancestor in reference.Units.AncestorsOf(unitId))
        {
            hub.Publish(new LiveMessage(ancestor, null, entry));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the alert outbox failed; retrying")]
    private static partial void LogPumpFailed(ILogger logger, Exception exception);
}
