using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SlaGrid.Client.Contracts;

namespace SlaGrid.Client;

/// <summary>
/// Typed access to the SlaGrid HTTP API v1. Thread-safe; keep one per silo and key. Every call takes a
/// <see cref="CancellationToken"/>; error answers throw <see cref="SlaGridApiException"/> and network failures
/// <see cref="HttpRequestException"/>.
/// </summary>
public sealed partial class SlaGridClient : IDisposable
{
    private const int MaxErrorBodyChars = 64 * 1024;
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly SlaGridClientOptions _options;
    private readonly AuthenticationHeaderValue? _authorization;

    /// <summary>Creates a client over <paramref name="httpClient"/> (not disposed with this client).</summary>
    /// <param name="httpClient">The HTTP client; its <see cref="HttpClient.BaseAddress"/> is used when the options name none.</param>
    /// <param name="options">The settings; validated here.</param>
    public SlaGridClient(HttpClient httpClient, SlaGridClientOptions options)
        : this(httpClient, options, ownsHttp: false)
    {
    }

    /// <summary>Creates a client that owns its own <see cref="HttpClient"/>.</summary>
    /// <param name="baseAddress">The silo's address, e.g. <c>http://127.0.0.1:5080/</c>.</param>
    /// <param name="apiKey">The API key.</param>
    public SlaGridClient(Uri baseAddress, string apiKey)
        : this(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }),
            new SlaGridClientOptions { BaseAddress = baseAddress, ApiKey = apiKey },
            ownsHttp: true)
    {
    }

    private SlaGridClient(HttpClient httpClient, SlaGridClientOptions options, bool ownsHttp)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _http = httpClient;
        _ownsHttp = ownsHttp;
        _options = options;
        var baseAddress = options.BaseAddress ?? httpClient.BaseAddress ?? SlaGridClientOptions.DefaultBaseAddress;
        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        _authorization = options.ApiKey is null ? null : new AuthenticationHeaderValue("Bearer", options.ApiKey);
    }

    /// <summary>The silo's address, ending with a slash.</summary>
    public Uri BaseAddress { get; }

    internal TimeProvider TimeProvider => _options.TimeProvider;

    /// <summary><c>PUT /api/v1/calendar</c>: upserts holidays, make-up working days and, if given, the office hours.</summary>
    /// <param name="update">The calendar changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task PutCalendarAsync(CalendarUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return SendNoResultAsync(HttpMethod.Put, "api/v1/calendar", Json(update, SlaGridJson.GetTypeInfo<CalendarUpdate>()), cancellationToken);
    }

    /// <summary><c>PUT /api/v1/units</c>: upserts units.</summary>
    /// <param name="units">The units.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task PutUnitsAsync(IEnumerable<Unit> units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(units);
        return SendNoResultAsync(HttpMethod.Put, "api/v1/units", Json<IReadOnlyList<Unit>>([.. units], SlaGridJson.GetTypeInfo<IReadOnlyList<Unit>>()), cancellationToken);
    }

    /// <summary><c>PUT /api/v1/officers</c>: upserts officers.</summary>
    /// <param name="officers">The officers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task PutOfficersAsync(IEnumerable<Officer> officers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(officers);
        return SendNoResultAsync(HttpMethod.Put, "api/v1/officers", Json<IReadOnlyList<Officer>>([.. officers], SlaGridJson.GetTypeInfo<IReadOnlyList<Officer>>()), cancellationToken);
    }

    /// <summary><c>PUT /api/v1/procedures</c>: upserts procedures.</summary>
    /// <param name="procedures">The procedures.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task PutProceduresAsync(IEnumerable<Procedure> procedures, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(procedures);
        return SendNoResultAsync(HttpMethod.Put, "api/v1/procedures", Json<IReadOnlyList<Procedure>>([.. procedures], SlaGridJson.GetTypeInfo<IReadOnlyList<Procedure>>()), cancellationToken);
    }

    /// <summary>
    /// <c>POST /api/v1/events</c>: one batch, one attempt. The answer has one result per event, in order.
    /// To batch, retry and get per-event outcomes, use <see cref="CreateIngestChannel"/>.
    /// </summary>
    /// <param name="events">The events (each with its own stable <see cref="DossierEvent.EventId"/>).</param>
    /// <param name="cancellationToken">Cancels the call (the outcome is then unknown: resend the same events).</param>
    /// <returns>The per-event results.</returns>
    public async Task<IngestResponse> PostEventsAsync(IEnumerable<DossierEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        return await SendAsync(HttpMethod.Post, "api/v1/events", Json<IReadOnlyList<DossierEvent>>([.. events], SlaGridJson.GetTypeInfo<IReadOnlyList<DossierEvent>>()), SlaGridJson.GetTypeInfo<IngestResponse>(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /api/v1/dossiers/{id}</c>: a dossier's current state, or null when the silo answers 404.</summary>
    /// <param name="dossierId">The dossier.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The dossier, or null when not found.</returns>
    public async Task<Dossier?> GetDossierAsync(string dossierId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dossierId);
        try
        {
            return await SendAsync(HttpMethod.Get, "api/v1/dossiers/" + Escape(dossierId), null, SlaGridJson.GetTypeInfo<Dossier>(), cancellationToken).ConfigureAwait(false);
        }
        catch (SlaGridApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary><c>GET /api/v1/units/{id}/stats</c>: the measures of the unit's subtree, optionally over dossiers received between two dates (inclusive).</summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="from">First receipt date, or null.</param>
    /// <param name="to">Last receipt date, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The measures.</returns>
    public Task<UnitStats> GetUnitStatsAsync(string unitId, DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(unitId);
        var path = "api/v1/units/" + Escape(unitId) + "/stats" + Query(("from", FormatDate(from)), ("to", FormatDate(to)));
        return SendAsync(HttpMethod.Get, path, null, SlaGridJson.GetTypeInfo<UnitStats>(), cancellationToken);
    }

    /// <summary><c>GET /api/v1/officers/{id}/stats</c>: an officer's measures, optionally over dossiers received between two dates (inclusive).</summary>
    /// <param name="officerId">The officer.</param>
    /// <param name="from">First receipt date, or null.</param>
    /// <param name="to">Last receipt date, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The measures.</returns>
    public Task<OfficerStats> GetOfficerStatsAsync(string officerId, DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(officerId);
        var path = "api/v1/officers/" + Escape(officerId) + "/stats" + Query(("from", FormatDate(from)), ("to", FormatDate(to)));
        return SendAsync(HttpMethod.Get, path, null, SlaGridJson.GetTypeInfo<OfficerStats>(), cancellationToken);
    }

    /// <summary><c>GET /api/v1/alerts</c>: alerts, filtered by unit subtree, state and kind (null filters nothing).</summary>
    /// <param name="unitId">Only alerts about this unit's subtree.</param>
    /// <param name="state">One of <see cref="AlertStates"/>.</param>
    /// <param name="kind">One of <see cref="AlertKinds"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The alerts.</returns>
    public Task<IReadOnlyList<Alert>> GetAlertsAsync(string? unitId = null, string? state = null, string? kind = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, "api/v1/alerts" + Query(("unitId", unitId), ("state", state), ("kind", kind)), null, SlaGridJson.GetTypeInfo<IReadOnlyList<Alert>>(), cancellationToken);

    /// <summary><c>POST /api/v1/alerts/{id}/ack</c>: acknowledges an alert.</summary>
    /// <param name="alertId">The alert.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The alert as it is now, when the silo answers it (null for an empty answer).</returns>
    public async Task<Alert?> AcknowledgeAlertAsync(string alertId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(alertId);
        using var response = await SendRawAsync(HttpMethod.Post, "api/v1/alerts/" + Escape(alertId) + "/ack", null, HttpCompletionOption.ResponseContentRead, null, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(body) ? null : JsonSerializer.Deserialize(body, SlaGridJson.GetTypeInfo<Alert>());
    }

    /// <summary><c>GET /api/v1/units</c>: every unit the key may see.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The units.</returns>
    public Task<IReadOnlyList<Unit>> GetUnitsAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, "api/v1/units", null, SlaGridJson.GetTypeInfo<IReadOnlyList<Unit>>(), cancellationToken);

    /// <summary><c>GET /api/v1/units/{id}/dossiers</c>: the subtree's open dossiers, most overdue first.</summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="limit">At most this many (the silo's default when null).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The dossiers.</returns>
    public Task<IReadOnlyList<Dossier>> GetOpenDossiersAsync(string unitId, int? limit = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(unitId);
        if (limit is { } l)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(l, nameof(limit));
        }

        var path = "api/v1/units/" + Escape(unitId) + "/dossiers" + Query(("limit", limit?.ToString(CultureInfo.InvariantCulture)));
        return SendAsync(HttpMethod.Get, path, null, SlaGridJson.GetTypeInfo<IReadOnlyList<Dossier>>(), cancellationToken);
    }

    /// <summary><c>PUT /api/v1/webhooks</c>: registers webhooks (upsert by id).</summary>
    /// <param name="webhooks">The webhooks, with their signing secrets.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task PutWebhooksAsync(IEnumerable<Webhook> webhooks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhooks);
        return SendNoResultAsync(HttpMethod.Put, "api/v1/webhooks", Json<IReadOnlyList<Webhook>>([.. webhooks], SlaGridJson.GetTypeInfo<IReadOnlyList<Webhook>>()), cancellationToken);
    }

    /// <summary><c>GET /api/v1/webhooks</c>: the registered webhooks (never their secrets).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The webhooks.</returns>
    public Task<IReadOnlyList<WebhookInfo>> GetWebhooksAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, "api/v1/webhooks", null, SlaGridJson.GetTypeInfo<IReadOnlyList<WebhookInfo>>(), cancellationToken);

    /// <summary><c>POST /api/v1/keys</c> (admin): creates an API key. The answer is the only time the key is shown.</summary>
    /// <param name="request">Name, role and optional unit scope.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key, with its secret.</returns>
    public Task<CreatedKey> CreateKeyAsync(CreateKeyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(HttpMethod.Post, "api/v1/keys", Json(request, SlaGridJson.GetTypeInfo<CreateKeyRequest>()), SlaGridJson.GetTypeInfo<CreatedKey>(), cancellationToken);
    }

    /// <summary><c>GET /api/v1/keys</c> (admin): the keys (never their secrets).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The keys, revoked ones included.</returns>
    public Task<IReadOnlyList<KeyInfo>> ListKeysAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, "api/v1/keys", null, SlaGridJson.GetTypeInfo<IReadOnlyList<KeyInfo>>(), cancellationToken);

    /// <summary><c>DELETE /api/v1/keys/{id}</c> (admin): revokes a key.</summary>
    /// <param name="keyId">The key's public id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task RevokeKeyAsync(string keyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        return SendNoResultAsync(HttpMethod.Delete, "api/v1/keys/" + Escape(keyId), null, cancellationToken);
    }

    /// <summary><c>GET /healthz</c>: liveness. An error status is reported, not thrown.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status.</returns>
    public Task<HealthStatus> GetHealthAsync(CancellationToken cancellationToken = default) => GetStatusAsync("healthz", cancellationToken);

    /// <summary><c>GET /readyz</c>: readiness (storage reachable, deadlines re-armed). An error status is reported, not thrown.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status.</returns>
    public Task<HealthStatus> GetReadyAsync(CancellationToken cancellationToken = default) => GetStatusAsync("readyz", cancellationToken);

    /// <summary><c>GET /metrics</c>: the Prometheus exposition text.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The text.</returns>
    public async Task<string> GetMetricsTextAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendRawAsync(HttpMethod.Get, "metrics", null, HttpCompletionOption.ResponseContentRead, null, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates a batching, retrying ingest channel over this client. Dispose it (or call
    /// <see cref="IngestChannel.CompleteAsync"/>) to flush what is queued.
    /// </summary>
    /// <param name="options">Batch and retry settings; defaults when null.</param>
    /// <returns>The channel.</returns>
    public IngestChannel CreateIngestChannel(IngestChannelOptions? options = null)
    {
        options ??= new IngestChannelOptions();
        options.Validate();
        return new IngestChannel(this, options, _options.TimeProvider);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    internal async Task<IngestResponse> PostBatchAsync(IReadOnlyList<DossierEvent> events, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Post, "api/v1/events", Json(events, SlaGridJson.GetTypeInfo<IReadOnlyList<DossierEvent>>()), SlaGridJson.GetTypeInfo<IngestResponse>(), cancellationToken).ConfigureAwait(false);

    private static ByteArrayContent Json<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static string? FormatDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (value is null)
            {
                continue;
            }

            builder.Append(builder.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }

    private async Task<HealthStatus> GetStatusAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, path));
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new HealthStatus(response.IsSuccessStatusCode, (int)response.StatusCode, body);
    }

    private async Task SendNoResultAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, content, HttpCompletionOption.ResponseContentRead, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, content, HttpCompletionOption.ResponseContentRead, null, cancellationToken).ConfigureAwait(false);
        var value = await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken).ConfigureAwait(false);
        return value ?? throw new JsonException($"{method} /{StripQuery(path)} answered null where a {typeof(T).Name} was expected.");
    }

    /// <summary>Sends one request with the key; throws <see cref="SlaGridApiException"/> on an error status.</summary>
    private async Task<HttpResponseMessage> SendRawAsync(
        HttpMethod method,
        string path,
        HttpContent? content,
        HttpCompletionOption completion,
        Action<HttpRequestMessage>? configure,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseAddress, path)) { Content = content };
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        configure?.Invoke(request);
        var response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await CreateExceptionAsync(method, path, response, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<SlaGridApiException> CreateExceptionAsync(HttpMethod method, string path, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var retryAfter = ReadRetryAfter(response);
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            body = string.Empty;
        }

        if (body.Length > MaxErrorBodyChars)
        {
            body = body[..MaxErrorBodyChars];
        }

        var fallbackCode = ErrorCodes.HttpStatusPrefix + status.ToString(CultureInfo.InvariantCulture);
        var problem = ProblemReader.TryRead(body, status, fallbackCode);
        var code = problem?.Code ?? fallbackCode;
        var detail = problem?.Detail ?? problem?.Title ?? response.ReasonPhrase ?? "error";
        var message = string.Create(CultureInfo.InvariantCulture, $"{method} /{StripQuery(path)} answered {status} {code}: {detail}");
        return new SlaGridApiException(response.StatusCode, code, problem, retryAfter, message);
    }

    private TimeSpan? ReadRetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _options.TimeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static string StripQuery(string path)
    {
        var q = path.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? path : path[..q];
    }
}
