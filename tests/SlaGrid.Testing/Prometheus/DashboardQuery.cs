namespace SlaGrid.Testing.Prometheus;

/// <summary>A PromQL expression found in a dashboard: where it is, and whether it is a template variable's query.</summary>
public sealed record DashboardQuery(string Dashboard, string Location, string Expression, bool IsVariable)
{
    /// <inheritdoc />
    public override string ToString() => $"{Dashboard} {Location}: {Expression}";
}
