namespace SlaGrid.Client;

/// <summary>Settings of a <see cref="SlaGridClient"/>. Defaults are given per property; <see cref="Validate"/> checks them.</summary>
public sealed class SlaGridClientOptions
{
    /// <summary>The default silo address: <c>http://127.0.0.1:5080/</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("http://127.0.0.1:5080/");

    /// <summary>
    /// The silo's address (e.g. <c>http://127.0.0.1:5080/</c>; a path prefix is kept). Default: the
    /// <see cref="HttpClient.BaseAddress"/> of the client given, else <see cref="DefaultBaseAddress"/>.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The API key, sent as <c>Authorization: Bearer &lt;key&gt;</c>. Default: none (only health and metrics work).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The clock for retry back-off, reconnect delays and idle detection. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The first delay before reconnecting a dropped live feed (the server's <c>retry:</c> replaces it). Default: 1 s.</summary>
    public TimeSpan LiveReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between live feed reconnection attempts (the delay doubles up to it). Default: 30 s.</summary>
    public TimeSpan LiveMaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A live feed that sends nothing (not even a <c>: keepalive</c> comment) for this long is taken as dropped and
    /// reconnected. Default: 60 s. <see cref="Timeout.InfiniteTimeSpan"/> turns the check off.
    /// </summary>
    public TimeSpan LiveIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public void Validate()
    {
        if (BaseAddress is { IsAbsoluteUri: false })
        {
            throw new ArgumentException("BaseAddress must be an absolute http(s) URI.", nameof(BaseAddress));
        }

        if (BaseAddress is not null && BaseAddress.Scheme != Uri.UriSchemeHttp && BaseAddress.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException("BaseAddress must be an http or https URI.", nameof(BaseAddress));
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
        if (ApiKey is not null && (ApiKey.Length == 0 || ApiKey.Any(char.IsWhiteSpace)))
        {
            throw new ArgumentException("ApiKey must be non-empty and contain no white space.", nameof(ApiKey));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LiveReconnectDelay, TimeSpan.Zero, nameof(LiveReconnectDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(LiveMaxReconnectDelay, LiveReconnectDelay, nameof(LiveMaxReconnectDelay));
        if (LiveIdleTimeout != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LiveIdleTimeout, TimeSpan.Zero, nameof(LiveIdleTimeout));
        }
    }
}
