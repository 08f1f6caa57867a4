using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using SlaGrid.Grains.Persistence;
using SlaGrid.Grains.Reference;

namespace SlaGrid.Silo.Alerts;

/// <summary>
/// Delivers the alert outbox to each webhook, in order and at least once: each webhook has a cursor in the store;
/// an entry is POSTed (signed, see <see cref="WebhookSignature"/>) until the receiver answers 2xx, with exponential
/// backoff between attempts; the cursor moves only after success, so a restart redelivers what was not confirmed.
/// Entries about units outside a webhook's subtree filter are skipped. Receivers dedupe by
/// <c>X-SlaGrid-Delivery</c> (webhook id and outbox sequence).
/// </summary>
public sealed partial class WebhookDeliverer(
    ISlaGridStorage storage,
    ReferenceCatalog reference,
    AlertSignal signal,
    IHttpClientFactory httpClientFactory,
    IOptions<AlertOptions> options,
    TimeProvider time,
    ILogger<WebhookDeliverer> logger) : BackgroundService
{
    /// <summary>The named HttpClient used for deliveries.</summary>
    public const string HttpClientName = "slagrid-webhooks";

    /// <summary>Runs one delivery pass over every webhook; returns how many entries were delivered.</summary>
    public async Task<int> PumpAsync(CancellationToken cancellationToken)
    {
        var webhooks = await storage.Webhooks.GetAllAsync(cancellationToken);
        var results = await Task.WhenAll(webhooks.Select(w => DeliverAsync(w, cancellationToken)));
        return results.Sum();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PumpAsync(stoppingToken);
                await signal.WaitWebhooksAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPassFailed(logger, ex);
                await Task.Delay(options.Value.PollInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task<int> DeliverAsync(WebhookRecord webhook, CancellationToken cancellationToken)
    {
        var cursor = await storage.Webhooks.GetCursorAsync(webhook.Id, cancellationToken)
            ?? new WebhookCursor(webhook.Id, await storage.Alerts.GetOutboxHeadAsync(cancellationToken), 0, null, null);
        if (cursor.NextAttemptAt is { } next && next > time.GetUtcNow())
        {
            return 0;
        }

        var delivered = 0;
        var entries = await storage.Alerts.ReadOutboxAsync(cursor.Delivered, options.Value.BatchSize, cancellationToken);
        foreach (var entry in entries)
        {
            if (webhook.UnitId is { } root && !reference.Units.IsInSubtree(entry.Alert.UnitId, root))
            {
                cursor = cursor with { Delivered = entry.Sequence, Attempts = 0, NextAttemptAt = null, LastError = null };
                continue;
            }

            var error = await PostAsync(webhook, entry, cancellationToken);
            if (error is null)
            {
                delivered++;
                cursor = cursor with { Delivered = entry.Sequence, Attempts = 0, NextAttemptAt = null, LastError = null };
                continue;
            }

            var attempts = cursor.Attempts + 1;
            var backoff = Backoff(attempts);
            cursor = cursor with { Attempts = attempts, NextAttemptAt = time.GetUtcNow() + backoff, LastError = error };
            LogDeliveryFailed(logger, webhook.Id, entry.Sequence, attempts, backoff, error);
            break;
        }

        if (entries.Count > 0)
        {
            await storage.Webhooks.SaveCursorAsync(cursor, cancellationToken);
        }

        return delivered;
    }

    private TimeSpan Backoff(int attempts)
    {
        var initial = options.Value.WebhookInitialBackoff;
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(initial.Ticks * factor, options.Value.WebhookMaxBackoff.Ticks));
        return delay;
    }

    private async Task<string?> PostAsync(WebhookRecord webhook, AlertOutboxEntry entry, CancellationToken cancellationToken)
    {
        var body = AlertJson.OutboxEntry(entry);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(webhook.Secret, body));
        request.Headers.Add("X-SlaGrid-Delivery", $"{webhook.Id}:{entry.Sequence}");
        request.Headers.Add("X-SlaGrid-Event", entry.Event);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.WebhookTimeout);
        try
        {
            using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "timeout";
        }
        catch (HttpRequestException ex)
        {
            return ex.Message;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook pass failed; retrying")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {WebhookId} delivery of outbox entry {Sequence} failed (attempt {Attempts}); next try in {Backoff}: {Error}")]
    private static partial void LogDeliveryFailed(ILogger logger, string webhookId, long sequence, int attempts, TimeSpan backoff, string error);
}
