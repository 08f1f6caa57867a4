namespace SlaGrid.Client;

/// <summary>The answer of <c>/healthz</c> or <c>/readyz</c>.</summary>
/// <param name="IsHealthy">Whether the status was 2xx.</param>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The body as text (its format is the silo's).</param>
public sealed record HealthStatus(bool IsHealthy, int StatusCode, string Body);
