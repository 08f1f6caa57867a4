using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace SlaGrid.Silo.Metrics;

/// <summary>
/// Serves the metrics on their own port when <see cref="MetricsOptions.Port"/> is set: a minimal Kestrel server
/// beside the application that answers only <c>GET</c> <see cref="MetricsOptions.Path"/>. Does nothing otherwise.
/// </summary>
public sealed class MetricsPortServer(PrometheusExporter exporter, IOptions<MetricsOptions> options, ILoggerFactory loggerFactory)
    : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The address the dedicated port listens on, once started; null when there is none.</summary>
    public Uri? Address { get; private set; }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Port is not { } port)
        {
            return;
        }

        if (!MetricsOptionsValidator.TryParseHost(settings.Host, out var address))
        {
            throw new OptionsValidationException(nameof(MetricsOptions), typeof(MetricsOptions), [$"Metrics:Host '{settings.Host}' is not an address."]);
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(MetricsPortServer).Assembly.GetName().Name });
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(address, port));
        var app = builder.Build();
        var path = settings.Path;
        app.Run(context =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) || !string.Equals(context.Request.Path.Value, path, StringComparison.Ordinal))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return MetricsEndpoint.ServeAsync(context, exporter);
        });
        await app.StartAsync(cancellationToken);
        _app = app;
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        Address = bound is null ? null : new Uri(new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal)), path);
        MetricsLog.DedicatedPortStarted(loggerFactory.CreateLogger<MetricsPortServer>(), Address?.ToString() ?? $"{settings.Host}:{port}");
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            await app.StopAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.DisposeAsync();
        }
    }
}
