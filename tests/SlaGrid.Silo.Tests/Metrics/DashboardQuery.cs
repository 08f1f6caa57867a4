namespace SlaGrid.Silo.Tests.Metrics;

/// <summary>A PromQL expression found in a dashboard: where it is, and whether it is a template variable's query.</summary>
internal sealed record DashboardQuery(string Dashboard, string Location, string Expression, bool IsVariable)
{
    public override string ToString() => $"{Dashboard} {Location}: {Expression}";
}
