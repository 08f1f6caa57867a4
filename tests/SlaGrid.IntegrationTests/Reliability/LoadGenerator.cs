using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using SlaGrid.Client;
using SlaGrid.Client.Contracts;

namespace SlaGrid.IntegrationTests.Reliability;

/// <summary>
/// Sustained ingest load from several concurrent clients that retry like real ones: SDK producers that send each
/// dossier's events one after the other through one shared <see cref="IngestChannel"/> (which batches them and
/// retries, honouring Retry-After), and plain HTTP producers that POST batches and resend the same batch after a
/// 503/429 (after its Retry-After), a 500 or a broken connection. Every event gets a unique id; each one's final
/// answer is recorded, with when it came.
/// </summary>
internal sealed class LoadGenerator : IAsyncDisposable
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly LoadPlan _plan;
    private readonly SlaGridClient _client;
    private readonly IngestChannel _channel;
    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<string, DossierEvent> _sent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EventAnswer> _answers = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private int _unavailableAnswers;
    private int _internalErrors;
    private int _otherHttpErrors;
    private Task? _producers;

    public LoadGenerator(Uri baseAddress, string apiKey, LoadPlan plan)
    {
        _plan = plan;
        _client = new SlaGridClient(baseAddress, apiKey);
        _channel = _client.CreateIngestChannel(new IngestChannelOptions
        {
            MaxBatchSize = 200,
            MaxConcurrentBatches = 4,
            InitialBackoff = TimeSpan.FromMilliseconds(100),
            MaxBackoff = TimeSpan.FromSeconds(2),
            GiveUpAfter = GiveUpAfter,
        });
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    /// <summary>Every event any producer tried to send, by id.</summary>
    public IReadOnlyDictionary<string, DossierEvent> Sent => _sent;

    /// <summary>Each sent event's final answer, by id.</summary>
    public IReadOnlyDictionary<string, EventAnswer> Answers => _answers;

    /// <summary>How many events were acknowledged (accepted or duplicate) so far.</summary>
    public int AcknowledgedCount => _answers.Values.Count(a => a.IsAcknowledged);

    /// <summary>How many 503 answers the HTTP producers got (each followed by a resend).</summary>
    public int UnavailableAnswers => Volatile.Read(ref _unavailableAnswers);

    /// <summary>How many 500 answers the HTTP producers got: a silo that knows the store is down never answers 500.</summary>
    public int InternalErrors => Volatile.Read(ref _internalErrors);

    /// <summary>How many connection failures or timeouts the HTTP producers met (the silo was gone).</summary>
    public int ConnectionFailures => Volatile.Read(ref _otherHttpErrors);

    /// <summary>The total number of events the plan sends.</summary>
    public int PlannedEvents => _plan.Dossiers + ((_plan.Dossiers + 1) / 2);

    /// <summary>Starts every producer.</summary>
    public void Start()
    {
        var now = DateTimeOffset.UtcNow;
        var producers = new List<Task>();
        for (var p = 0; p < _plan.ChannelProducers; p++)
        {
            var first = p * _plan.DossiersPerChannelProducer;
            producers.Add(Task.Run(() => RunChannelProducerAsync(first, _plan.DossiersPerChannelProducer, now)));
        }

        var httpBase = _plan.ChannelProducers * _plan.DossiersPerChannelProducer;
        for (var q = 0; q < _plan.HttpProducers; q++)
        {
            var first = httpBase + (q * _plan.BatchesPerHttpProducer * _plan.DossiersPerBatch);
            producers.Add(Task.Run(() => RunHttpProducerAsync(first, now)));
        }

        _producers = Task.WhenAll(producers);
    }

    /// <summary>Waits until every producer has every answer (or gave up).</summary>
    public async Task CompleteAsync(TimeSpan timeout)
    {
        await (_producers ?? throw new InvalidOperationException("Not started.")).WaitAsync(timeout);
        await _channel.CompleteAsync();
    }

    /// <summary>Waits until at least <paramref name="count"/> events were acknowledged.</summary>
    public async Task WaitForAcknowledgedAsync(int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (AcknowledgedCount < count)
        {
            if (_producers is { IsCompleted: true })
            {
                throw new InvalidOperationException($"The load finished with only {AcknowledgedCount} acknowledged events; expected {count} on the way.");
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"Only {AcknowledgedCount} of {count} events were acknowledged within {timeout}.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>The ids acknowledged so far (a snapshot).</summary>
    public HashSet<string> AcknowledgedNow() =>
        _answers.Where(a => a.Value.IsAcknowledged).Select(a => a.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>The first acknowledgement that came after <paramref name="timestamp"/> (a <see cref="Stopwatch"/> timestamp), if any.</summary>
    public long? FirstAcknowledgementAfter(long timestamp)
    {
        long? first = null;
        foreach (var answer in _answers.Values)
        {
            if (answer.IsAcknowledged && answer.Timestamp > timestamp && (first is null || answer.Timestamp < first))
            {
                first = answer.Timestamp;
            }
        }

        return first;
    }

    /// <summary>A summary of answers that are not acknowledgements, for failure messages.</summary>
    public string DescribeProblems(int max = 10)
    {
        var problems = _answers.Where(a => !a.Value.IsAcknowledged).Take(max).Select(a => $"{a.Key}: {a.Value.Status} {a.Value.Detail}");
        return string.Join("\n", problems);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _channel.CompleteAsync(new CancellationToken(canceled: true));
        }
        catch (OperationCanceledException)
        {
        }

        if (_producers is not null)
        {
            try
            {
                await _producers.WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or HttpRequestException)
            {
            }
        }

        await _channel.DisposeAsync();
        _client.Dispose();
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task RunChannelProducerAsync(int first, int count, DateTimeOffset now)
    {
        for (var n = first; n < first + count && !_stop.IsCancellationRequested; n++)
        {
            foreach (var e in ReliabilityGrid.DossierEvents(_run, n, now))
            {
                _sent[e.EventId] = e;
                EventResult result;
                try
                {
                    result = await _channel.SendAsync(e, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                var answer = result.Outcome switch
                {
                    EventOutcome.Accepted => new EventAnswer(IngestStatuses.Accepted, null),
                    EventOutcome.Duplicate => new EventAnswer(IngestStatuses.Duplicate, null),
                    EventOutcome.Rejected => new EventAnswer(IngestStatuses.Rejected, result.Error?.Code),
                    _ => new EventAnswer("failed", result.Exception?.Message),
                };
                _answers[e.EventId] = answer;
                if (!answer.IsAcknowledged)
                {
                    break; // a dossier whose receipt is not acknowledged gets no further events
                }
            }
        }
    }

    private async Task RunHttpProducerAsync(int first, DateTimeOffset now)
    {
        for (var b = 0; b < _plan.BatchesPerHttpProducer && !_stop.IsCancellationRequested; b++)
        {
            var batch = new List<DossierEvent>();
            for (var n = first + (b * _plan.DossiersPerBatch); n < first + ((b + 1) * _plan.DossiersPerBatch); n++)
            {
                batch.AddRange(ReliabilityGrid.DossierEvents(_run, n, now));
            }

            foreach (var e in batch)
            {
                _sent[e.EventId] = e;
            }

            await PostUntilAnsweredAsync(batch);
        }
    }

    private async Task PostUntilAnsweredAsync(List<DossierEvent> batch)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            TimeSpan delay;
            try
            {
                using var response = await _http.PostAsJsonAsync(new Uri("api/v1/events", UriKind.Relative), batch, SlaGridJson.Options, _stop.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var body = await response.Content.ReadFromJsonAsync<IngestResponse>(SlaGridJson.Options, _stop.Token);
                    foreach (var result in body!.Results)
                    {
                        _answers[result.EventId] = new EventAnswer(result.Status, result.Error?.Code);
                    }

                    return;
                }

                switch (response.StatusCode)
                {
                    case HttpStatusCode.ServiceUnavailable:
                        Interlocked.Increment(ref _unavailableAnswers);
                        delay = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                        break;
                    case HttpStatusCode.TooManyRequests:
                        delay = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                        break;
                    case HttpStatusCode.InternalServerError:
                        Interlocked.Increment(ref _internalErrors);
                        delay = TimeSpan.FromMilliseconds(500);
                        break;
                    default:
                        var text = await response.Content.ReadAsStringAsync(_stop.Token);
                        Fail(batch, $"HTTP {(int)response.StatusCode}: {text}");
                        return;
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                // The silo is gone or did not answer in time: the outcome is unknown, the resend is harmless.
                Interlocked.Increment(ref _otherHttpErrors);
                delay = TimeSpan.FromMilliseconds(250);
            }

            if (Stopwatch.GetElapsedTime(started) + delay > GiveUpAfter)
            {
                Fail(batch, "gave up");
                return;
            }

            try
            {
                await Task.Delay(delay, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Fail(List<DossierEvent> batch, string why)
    {
        foreach (var e in batch)
        {
            _answers[e.EventId] = new EventAnswer("failed", why);
        }
    }
}
