using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using SlaGrid.Client.Contracts;
using SlaGrid.Grains.Grid;
using SlaGrid.Grains.Persistence;
using SlaGrid.Runtime.Storage;
using SlaGrid.Silo.Alerts;
using SlaGrid.Silo.Api;
using SlaGrid.Silo.Demo;
using SlaGrid.Silo.Metrics;
using SlaGrid.Silo.Security;
using SlaGrid.Storage;
using SlaGrid.Storage.Postgres;
using SlaGrid.Storage.Sqlite;

namespace SlaGrid.Silo.Hosting;

/// <summary>The silo's wiring, named for what it adds, so that <c>Program.cs</c> stays a few lines.</summary>
public static class SlaGridHostExtensions
{
    /// <summary>The default address the silo listens on.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Adds SlaGrid's services (storage, runtime, grid, security, alerts, metrics, API, demo).</summary>
    public static WebApplicationBuilder AddSlaGrid(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var config = builder.Configuration;
        if (string.IsNullOrEmpty(config["urls"]) && string.IsNullOrEmpty(config["ASPNETCORE_URLS"]) && string.IsNullOrEmpty(config["URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = ApiLimits.MaxBodyBytes);
        var services = builder.Services;
        services.AddSlaGridDemo(config);
        services.AddSlaGridStorage(config["Storage"] ?? config["SLAGRID_STORAGE"]);
        services.AddSlaGridGrid(config);
        services.AddSlaGridSecurity(config);
        services.AddSlaGridAlerts(config);
        services.AddSlaGridMetrics(config);
        services.Configure<JsonOptions>(o => SlaGridJson.Configure(o.SerializerOptions));
        services.AddOpenApi("v1");
        return builder;
    }

    /// <summary>Adds the store named by <paramref name="spec"/> (<c>postgres:…</c>, <c>sqlite:…</c>; default SQLite in ./data).</summary>
    public static IServiceCollection AddSlaGridStorage(this IServiceCollection services, string? spec)
    {
        var parsed = StorageSpec.Parse(spec);
        services.AddSingleton<ISlaGridStorage>(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            var loggers = sp.GetRequiredService<ILoggerFactory>();
            return parsed.Provider == StorageProvider.Postgres
                ? new PostgresStorage(parsed.Target, time, loggers)
                : new SqliteStorage(parsed.Target, time, loggers);
        });
        services.AddSingleton<IGrainStateStore>(sp => sp.GetRequiredService<ISlaGridStorage>().States);
        services.AddSingleton<IDeadlineStore>(sp => sp.GetRequiredService<ISlaGridStorage>().Deadlines);
        services.AddSingleton(sp => new StorageInstruments(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton(new GroupCommitOptions());
        services.AddSingleton(sp => new GroupCommitter(
            sp.GetRequiredService<ISlaGridStorage>().Dossiers,
            sp.GetRequiredService<GroupCommitOptions>(),
            sp.GetRequiredService<StorageInstruments>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<GroupCommitter>>()));
        services.AddSingleton<IDossierCommitter, CommitterAdapter>();
        return services;
    }

    /// <summary>Adds the grain runtime and the grid's grains and services.</summary>
    public static IServiceCollection AddSlaGridGrid(this IServiceCollection services, IConfiguration config)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<GridOptions>().Bind(config.GetSection(GridOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AlertSignal>();

        // The grid starts (store migrated, counts rebuilt) before the runtime arms deadlines: this hosted service is
        // registered before AddSlaGridGrains adds the runtime's.
        services.AddHostedService<GridHostedService>();
        services.AddSlaGridGrains();
        return services;
    }

    /// <summary>Adds API-key authentication and the role policies.</summary>
    public static IServiceCollection AddSlaGridSecurity(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<SecurityOptions>()
            .Bind(config.GetSection(SecurityOptions.Section))
            .Configure(o => o.AdminKey ??= config["SLAGRID_ADMIN_KEY"])
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ApiKeyValidator>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiRoles.CanRead, p => p.RequireRole(ApiRoles.Admin, ApiRoles.Read))
            .AddPolicy(ApiRoles.CanIngest, p => p.RequireRole(ApiRoles.Admin, ApiRoles.Ingest))
            .AddPolicy(ApiRoles.CanAdminister, p => p.RequireRole(ApiRoles.Admin));
        return services;
    }

    /// <summary>Adds alert delivery (live feed and webhooks).</summary>
    public static IServiceCollection AddSlaGridAlerts(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<AlertOptions>().Bind(config.GetSection(AlertOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AlertInstruments>();
        services.AddHttpClient(WebhookDeliverer.HttpClientName);
        services.AddSingleton<AlertDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertDispatcher>());
        services.AddSingleton<WebhookDeliverer>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDeliverer>());
        return services;
    }

    /// <summary>Maps the operations page, the API, health, metrics and OpenAPI.</summary>
    public static WebApplication MapSlaGrid(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<ApiExceptionMiddleware>();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealth();
        app.MapSlaGridMetrics();
        app.MapOpenApi("/openapi/{documentName}.json");
        var api = app.MapGroup("/api/v1");
        api.MapReferenceEndpoints();
        api.MapEventEndpoints();
        api.MapQueryEndpoints();
        api.MapAlertEndpoints();
        api.MapLiveEndpoints();
        api.MapAdminEndpoints();
        api.MapFallback(() => ApiProblem.NotFound("No such API endpoint.").ToResult());
        return app;
    }

    private static void TryAddSingleton(this IServiceCollection services, TimeProvider time)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(time);
        }
    }
}
