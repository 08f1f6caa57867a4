using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SlaGrid.Silo.Metrics;

namespace SlaGrid.Silo.Tests.Metrics;

/// <summary>A real Kestrel host on 127.0.0.1 (a free port) with the metrics wiring, as the silo will have it.</summary>
internal sealed class MetricsTestHost : IAsyncDisposable
{
    private MetricsTestHost(WebApplication app)
    {
        App = app;
        BaseAddress = new Uri(app.Urls.First());
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public static async Task<MetricsTestHost> StartAsync(IDictionary<string, string?> settings, string path = MetricsOptions.DefaultPath)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSlaGridMetrics(builder.Configuration);
        var app = builder.Build();
        app.MapSlaGridMetrics(path);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new MetricsTestHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
