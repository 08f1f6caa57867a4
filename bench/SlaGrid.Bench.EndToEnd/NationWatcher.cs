using System.Globalization;
using SlaGrid.Client;
using SlaGrid.Client.Contracts;

namespace SlaGrid.Bench.EndToEnd;

/// <summary>
/// Follows the nation's live feed (<c>GET /api/v1/units/{nation}/live</c>) through the SDK and records, with the
/// local arrival time, every stats event (the nation's totals) and every alert change.
/// </summary>
internal sealed class NationWatcher : IAsyncDisposable
{
    private readonly SlaGridClient _client;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<StatsSeen> _stats = [];
    private readonly List<AlertSeen> _alerts = [];
    private readonly Task _loop;

    private NationWatcher(SlaGridClient client, TimeProvider time, string? lastEventId)
    {
        _client = client;
        _time = time;
        LastEventId = lastEventId;
        _loop = Task.Run(() => RunAsync(lastEventId));
    }

    /// <summary>The last alert event id seen (resume point after a restart).</summary>
    public string? LastEventId { get; private set; }

    /// <summary>Why the watch ended early, if it did.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Starts watching (resuming after <paramref name="lastEventId"/>) and waits for the first stats event.</summary>
    public static async Task<NationWatcher> StartAsync(SlaGridClient client, TimeProvider time, string? lastEventId, CancellationToken cancellationToken)
    {
        var watcher = new NationWatcher(client, time, lastEventId);
        await watcher.WaitForStatsAsync(_ => true, TimeSpan.FromSeconds(60), cancellationToken);
        return watcher;
    }

    /// <summary>The stats events seen so far.</summary>
    public IReadOnlyList<StatsSeen> Stats
    {
        get
        {
            lock (_stats)
            {
                return [.. _stats];
            }
        }
    }

    /// <summary>The alert changes seen so far.</summary>
    public IReadOnlyList<AlertSeen> Alerts
    {
        get
        {
            lock (_alerts)
            {
                return [.. _alerts];
            }
        }
    }

    /// <summary>The latest stats, or null.</summary>
    public UnitStats? Latest
    {
        get
        {
            lock (_stats)
            {
                return _stats.Count == 0 ? null : _stats[^1].Stats;
            }
        }
    }

    /// <summary>Received + finished: moves by exactly one per accepted receipt or completion.</summary>
    public static long Countable(UnitStats s) => s.Received + s.FinishedEarly + s.FinishedOnTime + s.FinishedLate;

    /// <summary>Waits until a stats event satisfies <paramref name="condition"/>; returns it (null on timeout).</summary>
    public async Task<UnitStats?> WaitForStatsAsync(Func<UnitStats, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (_time.GetElapsedTime(started) < timeout)
        {
            if (Latest is { } latest && condition(latest))
            {
                return latest;
            }

            if (_loop.IsCompleted)
            {
                throw new InvalidOperationException("The live feed ended.", Failure);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), _time, cancellationToken);
        }

        return null;
    }

    /// <summary>Waits until <paramref name="condition"/> holds over the alerts seen; false on timeout.</summary>
    public async Task<bool> WaitForAlertsAsync(Func<IReadOnlyList<AlertSeen>, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (_time.GetElapsedTime(started) < timeout)
        {
            if (condition(Alerts))
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), _time, cancellationToken);
        }

        return false;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task RunAsync(string? lastEventId)
    {
        try
        {
            await foreach (var item in _client.WatchUnitAsync(Dataset.Nation, lastEventId, _stop.Token))
            {
                var now = _time.GetTimestamp();
                switch (item)
                {
                    case UnitLiveStats stats:
                        lock (_stats)
                        {
                            _stats.Add(new StatsSeen(now, stats.Stats));
                        }

                        break;
                    case UnitLiveAlert alert:
                        lock (_alerts)
                        {
                            var seq = long.TryParse(alert.EventId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : -1;
                            _alerts.Add(new AlertSeen(now, seq, alert.Change.Event, alert.Change.Alert));
                            LastEventId = alert.EventId ?? LastEventId;
                        }

                        break;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Failure = e;
        }
    }
}
