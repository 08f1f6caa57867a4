namespace SlaGrid.Testing.Prometheus;

/// <summary>A rule as Prometheus loaded it (<c>/api/v1/rules</c>).</summary>
public sealed record PrometheusRule(
    string Group, string Name, string Type, string Query, string Health, string? LastError, DateTimeOffset? LastEvaluation);
