using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using SlaGrid.Client.Contracts;
using SlaGrid.Client.Sse;

namespace SlaGrid.Client;

/// <summary>The live feed (server-sent events) part of the client.</summary>
public sealed partial class SlaGridClient
{
    /// <summary>
    /// Follows <c>GET /api/v1/units/{id}/live</c>: the subtree's stats (on connect and on every change) and its
    /// alert changes, until <paramref name="cancellationToken"/> is cancelled (then
    /// <see cref="OperationCanceledException"/> ends the enumeration). A dropped, idle or failing (5xx, 429)
    /// connection is re-opened with exponential back-off and <c>Last-Event-ID</c>, so that alerts resume after the
    /// last one seen; stats are re-sent by the silo on every connect. 401, 403 and 404 end it with
    /// <see cref="SlaGridApiException"/>. Events of unknown type are skipped.
    /// </summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="lastEventId">Resume after this alert event id (<see cref="UnitLiveAlert.EventId"/>), or null.</param>
    /// <param name="cancellationToken">Stops following.</param>
    /// <returns>The live events, in order.</returns>
    public async IAsyncEnumerable<UnitLiveEvent> WatchUnitAsync(
        string unitId,
        string? lastEventId = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(unitId);
        var parser = new SseParser { LastEventId = lastEventId ?? string.Empty };
        var path = "api/v1/units/" + Escape(unitId) + "/live";
        var failures = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var delivered = false;
            await using (var connection = ReadConnectionAsync(path, parser, cancellationToken).GetAsyncEnumerator(cancellationToken))
            {
                while (true)
                {
                    UnitLiveEvent item;
                    try
                    {
                        if (!await connection.MoveNextAsync().ConfigureAwait(false))
                        {
                            break;
                        }

                        item = connection.Current;
                    }
                    catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsTransientLiveFailure(e))
                    {
                        break;
                    }

                    delivered = true;
                    yield return item;
                }
            }

            parser.ResetConnection();
            failures = delivered ? 1 : failures + 1;
            await Task.Delay(ReconnectDelay(parser.Retry, failures), _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsTransientLiveFailure(Exception e) => e switch
    {
        SlaGridApiException api => api.IsTransient,
        HttpRequestException or IOException or OperationCanceledException => true,
        _ => false,
    };

    private TimeSpan ReconnectDelay(TimeSpan? serverRetry, int failures)
    {
        var first = serverRetry ?? _options.LiveReconnectDelay;
        var max = _options.LiveMaxReconnectDelay < first ? first : _options.LiveMaxReconnectDelay;
        var exponent = Math.Min(Math.Max(failures - 1, 0), 16);
        var delay = TimeSpan.FromTicks(Math.Min(max.Ticks, first.Ticks * (1L << exponent)));

        // ±20 % jitter so that many watchers do not reconnect in step after a silo restart.
        return delay * (0.8 + (Random.Shared.NextDouble() * 0.4));
    }

    /// <summary>One connection: yields its events; ends when the server closes; throws on failures.</summary>
    private async IAsyncEnumerable<UnitLiveEvent> ReadConnectionAsync(
        string path,
        SseParser parser,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var idleTimeout = _options.LiveIdleTimeout;
        using var idle = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        idle.CancelAfter(idleTimeout);
        using var response = await SendRawAsync(
            HttpMethod.Get,
            path,
            null,
            HttpCompletionOption.ResponseHeadersRead,
            request =>
            {
                request.Headers.Accept.Clear();
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(ApiRoutes.EventStreamMediaType));
                request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
                if (parser.LastEventId.Length > 0)
                {
                    request.Headers.TryAddWithoutValidation("Last-Event-ID", parser.LastEventId);
                }
            },
            linked.Token).ConfigureAwait(false);
        using var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var buffer = new char[4096];
        var messages = new List<SseMessage>();
        while (true)
        {
            idle.CancelAfter(idleTimeout);
            var read = await reader.ReadAsync(buffer.AsMemory(), linked.Token).ConfigureAwait(false);
            if (read == 0)
            {
                yield break;
            }

            parser.Feed(buffer.AsSpan(0, read), messages);
            foreach (var message in messages)
            {
                if (ToLiveEvent(message) is { } live)
                {
                    yield return live;
                }
            }

            messages.Clear();
        }
    }

    private static UnitLiveEvent? ToLiveEvent(SseMessage message) => message.EventType switch
    {
        LiveEventNames.Stats => new UnitLiveStats(
            JsonSerializer.Deserialize(message.Data, SlaGridJson.GetTypeInfo<UnitStats>())
            ?? throw new JsonException("A stats event carried null.")),
        LiveEventNames.Alert => new UnitLiveAlert(
            message.LastEventId.Length == 0 ? null : message.LastEventId,
            JsonSerializer.Deserialize(message.Data, SlaGridJson.GetTypeInfo<AlertEvent>())
            ?? throw new JsonException("An alert event carried null.")),
        _ => null,
    };
}
