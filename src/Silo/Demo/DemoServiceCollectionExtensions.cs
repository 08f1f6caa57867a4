using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SlaGrid.Grains.Grid;
using SlaGrid.Runtime.Deadlines;
using SlaGrid.Runtime.Hosting;
using SlaGrid.Silo.Alerts;
using SlaGrid.Silo.Security;

namespace SlaGrid.Silo.Demo;

/// <summary>Adds the demo mode (<c>--demo</c>): a synthetic province, seeded and fed live, on a faster clock.</summary>
public static class DemoServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="DemoOptions"/> (section <c>Demo</c>). When <c>Demo:Enabled</c> is true: makes a
    /// <see cref="ScaledTimeProvider"/> running <see cref="DemoOptions.Speed"/> times faster THE <see cref="TimeProvider"/>
    /// (replacing any registered before; the grid only adds the system clock when none is), so that deadlines, alerts
    /// and metrics all run on simulated time, while the runtime's and delivery's safety delays (call and deactivation
    /// timeouts, retry delays, scan and refill periods, key cache) are stretched by the same factor so that they keep
    /// their real-time length; generates an admin key when none is configured; and adds the seeder and the feeder.
    /// Call it before the grid is added.
    /// </summary>
    public static IServiceCollection AddSlaGridDemo(this IServiceCollection services, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(config);
        services.AddOptions<DemoOptions>().Bind(config.GetSection(DemoOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        if (!config.GetValue<bool>($"{DemoOptions.Section}:{nameof(DemoOptions.Enabled)}"))
        {
            return services;
        }

        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(sp => new ScaledTimeProvider(sp.GetRequiredService<IOptions<DemoOptions>>().Value.Speed));

        services.AddOptions<GrainRuntimeOptions>().PostConfigure<IOptions<DemoOptions>>((o, demo) =>
        {
            var speed = demo.Value.Speed;
            o.ResponseTimeout *= speed;
            o.DeactivationTimeout *= speed;
            o.CollectionScanInterval = Max(o.CollectionScanInterval, TimeSpan.FromSeconds(speed));
            o.CollectionAge = Max(o.CollectionAge, o.CollectionScanInterval * 2);
        });
        services.AddOptions<DeadlineOptions>().PostConfigure<IOptions<DemoOptions>>((o, demo) =>
        {
            var speed = demo.Value.Speed;
            o.RefillInterval = Max(o.RefillInterval, TimeSpan.FromSeconds(speed));
            o.Window = Max(o.Window, o.RefillInterval * 10);
            o.RetryBaseDelay *= speed;
            o.RetryMaxDelay *= speed;
            o.StoreRetryDelay *= speed;
        });
        services.AddOptions<GridOptions>().PostConfigure<IOptions<DemoOptions>>((o, demo) =>
            o.RollupCoalesceDelay = Min(o.RollupCoalesceDelay * demo.Value.Speed, TimeSpan.FromSeconds(5)));
        services.AddOptions<AlertOptions>().PostConfigure<IOptions<DemoOptions>>((o, demo) =>
        {
            o.WebhookInitialBackoff = Min(o.WebhookInitialBackoff * demo.Value.Speed, TimeSpan.FromMinutes(10));
            o.WebhookMaxBackoff = Max(Min(o.WebhookMaxBackoff * demo.Value.Speed, TimeSpan.FromHours(6)), o.WebhookInitialBackoff);
        });

        var session = new DemoSession();
        services.AddSingleton(session);
        services.AddOptions<SecurityOptions>().PostConfigure<IOptions<DemoOptions>>((o, demo) =>
        {
            if (string.IsNullOrEmpty(o.AdminKey))
            {
                o.AdminKey = session.GeneratedAdminKey;
            }

            o.CacheDuration = Min(o.CacheDuration * demo.Value.Speed, TimeSpan.FromMinutes(10));
        });

        services.AddHttpClient(DemoSeeder.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(100));
        services.AddHostedService<DemoSeeder>();
        services.AddHostedService<DemoFeeder>();
        return services;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
