using System.Text.RegularExpressions;

namespace SlaGrid.Silo.Tests.Metrics;

/// <summary>
/// docker-compose.yml cannot run here (no Docker engine): these checks keep it consistent with the files it mounts
/// and builds, and with the paths the provisioning and the Prometheus configuration expect.
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly string Compose = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docker-compose.yml"));

    [Fact]
    public void EveryBindMountAndTheDockerfile_Exist()
    {
        var sources = Regex.Matches(Compose, @"-\s+\./([^:\s]+):").Select(m => m.Groups[1].Value).ToList();
        var dockerfile = Regex.Match(Compose, @"dockerfile:\s*(\S+)").Groups[1].Value;

        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.True(Directory.Exists(Path.Combine(RepositoryPaths.Root, s)), $"missing ./{s}"));
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, dockerfile)), $"missing {dockerfile}");
    }

    [Fact]
    public void GrafanaProvisioning_ReadsTheFolderComposeMountsTheDashboardsAt()
    {
        var provider = File.ReadAllText(Path.Combine(RepositoryPaths.Dashboards, "grafana", "provisioning", "dashboards", "slagrid.yml"));
        var path = Regex.Match(provider, @"path:\s*(\S+)").Groups[1].Value;
        var home = Regex.Match(Compose, @"GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH:\s*(\S+)").Groups[1].Value;

        Assert.Contains($"./dashboards/grafana/dashboards:{path}:ro", Compose, StringComparison.Ordinal);
        Assert.Equal($"{path}/slagrid-national.json", home);
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Dashboards, "grafana", "dashboards", "slagrid-national.json")));
    }

    [Fact]
    public void Prometheus_ScrapesTheSiloServiceOnItsPort_AndGrafanaPointsAtPrometheus()
    {
        var prometheus = File.ReadAllText(Path.Combine(RepositoryPaths.Dashboards, "prometheus", "prometheus.yml"));
        var datasource = File.ReadAllText(Path.Combine(RepositoryPaths.Dashboards, "grafana", "provisioning", "datasources", "prometheus.yml"));

        Assert.Contains("targets: ['silo:5080']", prometheus, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_URLS: http://0.0.0.0:5080", Compose, StringComparison.Ordinal);
        Assert.Contains("./dashboards/prometheus:/etc/prometheus:ro", Compose, StringComparison.Ordinal);
        Assert.Contains("url: http://prometheus:9090", datasource, StringComparison.Ordinal);
        Assert.Matches(@"SLAGRID_STORAGE:\s*""postgres:Host=postgres;", Compose);
        Assert.Contains("SLAGRID_ADMIN_KEY: ${SLAGRID_ADMIN_KEY:-CHANGE-ME", Compose, StringComparison.Ordinal);
    }
}
