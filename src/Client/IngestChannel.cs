using System.Threading.Channels;
using SlaGrid.Client.Contracts;

namespace SlaGrid.Client;

/// <summary>
/// Sends dossier events in batches, retrying a failed batch with the same events (hence the same
/// <see cref="DossierEvent.EventId"/>s), so that a retry is never a double: the silo answers <c>duplicate</c> for
/// what an earlier attempt already stored. Retries use exponential back-off with jitter and honour
/// <c>Retry-After</c> on 429/503, up to <see cref="IngestChannelOptions.GiveUpAfter"/>; then the batch's events are
/// reported <see cref="EventOutcome.Failed"/>. Thread-safe. Create with <see cref="SlaGridClient.CreateIngestChannel"/>.
/// </summary>
public sealed class IngestChannel : IAsyncDisposable
{
    private readonly SlaGridClient _client;
    private readonly IngestChannelOptions _options;
    private readonly TimeProvider _time;
    private readonly Channel<Pending> _queue;
    private readonly CancellationTokenSource _abort = new();
    private readonly SemaphoreSlim _slots;
    private readonly Task _pump;

    internal IngestChannel(SlaGridClient client, IngestChannelOptions options, TimeProvider time)
    {
        _client = client;
        _options = options;
        _time = time;
        _slots = new SemaphoreSlim(options.MaxConcurrentBatches, options.MaxConcurrentBatches);
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(options.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>
    /// Queues one event and waits for its outcome. Cancelling stops the wait, not the send of an event already queued.
    /// </summary>
    /// <param name="dossierEvent">The event; its <see cref="DossierEvent.EventId"/> must be set and stable across resends.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="InvalidOperationException">The channel was completed.</exception>
    public async ValueTask<EventResult> SendAsync(DossierEvent dossierEvent, CancellationToken cancellationToken = default)
    {
        var pending = await EnqueueAsync(dossierEvent, cancellationToken).ConfigureAwait(false);
        return await pending.Result.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Queues events (they batch together) and waits for all their outcomes, in the order given.</summary>
    /// <param name="events">The events.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>One outcome per event, in order.</returns>
    /// <exception cref="InvalidOperationException">The channel was completed.</exception>
    public async Task<IReadOnlyList<EventResult>> SendManyAsync(IEnumerable<DossierEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var tasks = new List<Task<EventResult>>();
        foreach (var dossierEvent in events)
        {
            var pending = await EnqueueAsync(dossierEvent, cancellationToken).ConfigureAwait(false);
            tasks.Add(pending.Result.Task);
        }

        return await Task.WhenAll(tasks).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Accepts no more events and waits until every queued event has its outcome. Cancelling stops the retries:
    /// what has no answer yet is reported <see cref="EventOutcome.Failed"/>.
    /// </summary>
    /// <param name="cancellationToken">Aborts the retries still under way.</param>
    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        _queue.Writer.TryComplete();
        using var registration = cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), _abort);
        await _pump.ConfigureAwait(false);
    }

    /// <summary>Completes the channel and waits for the outcomes of what was queued (see <see cref="CompleteAsync"/>).</summary>
    /// <returns>A task that completes when everything has an outcome.</returns>
    public async ValueTask DisposeAsync()
    {
        await CompleteAsync(CancellationToken.None).ConfigureAwait(false);
        _abort.Dispose();
        _slots.Dispose();
    }

    private async ValueTask<Pending> EnqueueAsync(DossierEvent dossierEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossierEvent);
        if (string.IsNullOrEmpty(dossierEvent.EventId))
        {
            throw new ArgumentException("Every event needs an eventId, stable across resends: it is what makes a retry harmless.", nameof(dossierEvent));
        }

        var pending = new Pending(dossierEvent, new TaskCompletionSource<EventResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await _queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException e)
        {
            throw new InvalidOperationException("The ingest channel was completed; create a new one.", e);
        }

        return pending;
    }

    private async Task PumpAsync()
    {
        var reader = _queue.Reader;
        var batches = new List<Task>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var batch = new List<Pending>(Math.Min(_options.MaxBatchSize, 1024));
            Drain(reader, batch);
            if (batch.Count < _options.MaxBatchSize && _options.MaxDelay > TimeSpan.Zero)
            {
                using var linger = new CancellationTokenSource(_options.MaxDelay, _time);
                try
                {
                    while (batch.Count < _options.MaxBatchSize && await reader.WaitToReadAsync(linger.Token).ConfigureAwait(false))
                    {
                        Drain(reader, batch);
                    }
                }
                catch (OperationCanceledException) when (linger.IsCancellationRequested)
                {
                    // MaxDelay is over: send what we have.
                }
            }

            if (batch.Count == 0)
            {
                continue;
            }

            await _slots.WaitAsync().ConfigureAwait(false);
            batches.RemoveAll(t => t.IsCompleted);
            batches.Add(SendBatchAsync(batch));
        }

        await Task.WhenAll(batches).ConfigureAwait(false);
    }

    private void Drain(ChannelReader<Pending> reader, List<Pending> batch)
    {
        while (batch.Count < _options.MaxBatchSize && reader.TryRead(out var item))
        {
            batch.Add(item);
        }
    }

    private async Task SendBatchAsync(List<Pending> batch)
    {
        try
        {
            var events = batch.Select(p => p.Event).ToArray();
            var started = _time.GetTimestamp();
            for (var attempt = 1; ; attempt++)
            {
                Exception failure;
                try
                {
                    var response = await _client.PostBatchAsync(events, _abort.Token).ConfigureAwait(false);
                    Complete(batch, response, attempt);
                    return;
                }
                catch (OperationCanceledException e) when (_abort.IsCancellationRequested)
                {
                    Fail(batch, e, attempt);
                    return;
                }
                catch (Exception e)
                {
                    failure = e;
                }

                var delay = RetryDelay(failure, attempt);
                if (delay is null || _time.GetElapsedTime(started) + delay.Value > _options.GiveUpAfter)
                {
                    Fail(batch, failure, attempt);
                    return;
                }

                try
                {
                    await Task.Delay(delay.Value, _time, _abort.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    Fail(batch, failure, attempt);
                    return;
                }
            }
        }
        catch (Exception e)
        {
            Fail(batch, e, 0);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>The delay before the next attempt, or null when the failure is not worth retrying.</summary>
    private TimeSpan? RetryDelay(Exception failure, int attempt)
    {
        switch (failure)
        {
            case SlaGridApiException { IsTransient: false }:
                return null;
            case SlaGridApiException { RetryAfter: { } retryAfter } api
                when api.StatusCode is System.Net.HttpStatusCode.TooManyRequests or System.Net.HttpStatusCode.ServiceUnavailable:
                return retryAfter;
            case SlaGridApiException:
            case HttpRequestException:
            case IOException:
            case OperationCanceledException: // HttpClient.Timeout: the outcome is unknown, the retry is harmless.
                var exponent = Math.Min(attempt - 1, 20);
                var ceiling = Math.Min(_options.MaxBackoff.Ticks, _options.InitialBackoff.Ticks * (1L << exponent));

                // "Equal jitter": half fixed, half random, so that retries spread out but never collapse to zero.
                return TimeSpan.FromTicks((ceiling / 2) + (long)(Random.Shared.NextDouble() * (ceiling / 2)));
            default:
                return null;
        }
    }

    private static void Complete(List<Pending> batch, IngestResponse response, int attempts)
    {
        Dictionary<string, IngestResult>? byId = null;
        for (var i = 0; i < batch.Count; i++)
        {
            var pending = batch[i];
            var id = pending.Event.EventId;
            IngestResult? result = i < response.Results.Count && response.Results[i].EventId == id ? response.Results[i] : null;
            if (result is null)
            {
                byId ??= response.Results.GroupBy(r => r.EventId).ToDictionary(g => g.Key, g => g.First());
                byId.TryGetValue(id, out result);
            }

            pending.Result.TrySetResult(result switch
            {
                null => new EventResult(id, EventOutcome.Failed, null, new InvalidOperationException($"The silo's answer had no result for event '{id}'."), attempts),
                { Status: IngestStatuses.Accepted } => new EventResult(id, EventOutcome.Accepted, null, null, attempts),
                { Status: IngestStatuses.Duplicate } => new EventResult(id, EventOutcome.Duplicate, null, null, attempts),
                { Status: IngestStatuses.Rejected } => new EventResult(id, EventOutcome.Rejected, result.Error ?? new EventError("unknown", "rejected without a reason"), null, attempts),
                _ => new EventResult(id, EventOutcome.Failed, null, new InvalidOperationException($"The silo answered an unknown status '{result.Status}' for event '{id}'."), attempts),
            });
        }
    }

    private static void Fail(List<Pending> batch, Exception exception, int attempts)
    {
        foreach (var pending in batch)
        {
            pending.Result.TrySetResult(new EventResult(pending.Event.EventId, EventOutcome.Failed, null, exception, attempts));
        }
    }

    private sealed record Pending(DossierEvent Event, TaskCompletionSource<EventResult> Result);
}
