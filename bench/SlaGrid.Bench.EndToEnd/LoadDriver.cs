using SlaGrid.Client;

namespace SlaGrid.Bench.EndToEnd;

/// <summary>
/// Drives an <see cref="IEventSource"/> through the SDK's <see cref="IngestChannel"/>: as fast as the silo answers
/// (bounded by <c>maxOutstanding</c> unanswered events) or paced at a rate, for a duration or until the source ends;
/// records each event's ack latency and the send times of countable events.
/// </summary>
internal sealed class LoadDriver(IngestChannel channel, TimeProvider time)
{
    /// <summary>Runs the load and waits for every answer.</summary>
    /// <param name="source">The events.</param>
    /// <param name="rate">Events per second, or null for as fast as possible.</param>
    /// <param name="duration">How long to send, or null until the source ends.</param>
    /// <param name="maxOutstanding">The most unanswered events.</param>
    /// <param name="warmup">The start of the steady window.</param>
    /// <param name="cancellationToken">Stops sending.</param>
    public async Task<LoadResult> RunAsync(IEventSource source, double? rate, TimeSpan? duration, int maxOutstanding, TimeSpan warmup, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(maxOutstanding, maxOutstanding);
        var latencies = new List<double>();
        var acks = new List<long>();
        var countable = new List<(long Seq, long SentAt)>();
        var countableOk = new HashSet<long>();
        var problems = new List<string>();
        long sent = 0, accepted = 0, duplicates = 0, rejected = 0, failed = 0, countableSeq = 0;
        var inFlight = new List<Task>();
        var started = time.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var elapsed = time.GetElapsedTime(started);
            if (duration is { } d && elapsed >= d)
            {
                break;
            }

            long allowed = rate is { } r ? (long)(r * elapsed.TotalSeconds) - sent : long.MaxValue;
            if (allowed <= 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(1), time, cancellationToken);
                continue;
            }

            var exhausted = false;
            for (long i = 0; i < allowed; i++)
            {
                if (!await slots.WaitAsync(TimeSpan.FromMilliseconds(rate is null ? 1000 : 1), cancellationToken))
                {
                    break; // Saturated: the paced sender falls behind; re-check the clock.
                }

                if (!source.TryNext(out var planned))
                {
                    slots.Release();
                    exhausted = true;
                    break;
                }

                var sentAt = time.GetTimestamp();
                long seq = -1;
                if (planned.Countable)
                {
                    seq = countableSeq++;
                    countable.Add((seq, sentAt));
                }

                sent++;
                inFlight.Add(TrackAsync(planned, sentAt, seq));
                if (inFlight.Count > 4 * maxOutstanding)
                {
                    inFlight.RemoveAll(t => t.IsCompleted);
                }

                if (rate is null && duration is { } limit && time.GetElapsedTime(started) >= limit)
                {
                    break;
                }
            }

            if (exhausted)
            {
                break;
            }
        }

        var stoppedSending = time.GetTimestamp();
        await Task.WhenAll(inFlight);
        var finished = time.GetTimestamp();

        var warmupTicks = (long)(warmup.TotalSeconds * time.TimestampFrequency);
        var windowStart = started + warmupTicks;
        if (windowStart >= stoppedSending)
        {
            windowStart = started;
        }

        long inWindow;
        lock (acks)
        {
            inWindow = acks.Count(a => a >= windowStart && a <= stoppedSending);
        }

        var windowSeconds = (stoppedSending - windowStart) / (double)time.TimestampFrequency;
        var sendSeconds = (stoppedSending - started) / (double)time.TimestampFrequency;
        return new LoadResult
        {
            Sent = sent,
            Accepted = accepted,
            Duplicates = duplicates,
            Rejected = rejected,
            Failed = failed,
            Problems = problems,
            Elapsed = time.GetElapsedTime(started, finished),
            SteadyRate = windowSeconds > 0 ? inWindow / windowSeconds : 0,
            SendRate = sendSeconds > 0 ? sent / sendSeconds : 0,
            AckMs = new Percentiles(latencies),
            CountableSends = [.. countable.Where(c => countableOk.Contains(c.Seq)).Select(c => c.SentAt)],
            StartedAt = started,
        };

        async Task TrackAsync(PlannedEvent planned, long sentAt, long seq)
        {
            EventResult result;
            try
            {
                result = await channel.SendAsync(planned.Event, CancellationToken.None);
            }
            catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
            {
                result = new EventResult(planned.Event.EventId, EventOutcome.Failed, null, e);
            }
            finally
            {
                slots.Release();
            }

            var now = time.GetTimestamp();
            source.Complete(planned, result);
            lock (acks)
            {
                acks.Add(now);
                latencies.Add(time.GetElapsedTime(sentAt, now).TotalMilliseconds);
                switch (result.Outcome)
                {
                    case EventOutcome.Accepted:
                        accepted++;
                        if (seq >= 0)
                        {
                            countableOk.Add(seq);
                        }

                        break;
                    case EventOutcome.Duplicate:
                        duplicates++;
                        break;
                    case EventOutcome.Rejected:
                        rejected++;
                        Note(problems, $"rejected {planned.Event.Type} {planned.Event.DossierId}: {result.Error?.Code} {result.Error?.Message}");
                        break;
                    default:
                        failed++;
                        Note(problems, $"failed {planned.Event.Type} {planned.Event.DossierId}: {result.Exception?.GetType().Name} {result.Exception?.Message}");
                        break;
                }
            }
        }
    }

    private static void Note(List<string> problems, string text)
    {
        if (problems.Count < 10)
        {
            problems.Add(text);
        }
    }
}
