using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SlaGrid.Client;
using SlaGrid.Silo.Hosting;
using SlaGrid.Testing.Browser;

namespace SlaGrid.IntegrationTests.Infrastructure;

/// <summary>
/// The real silo (the same wiring as <c>Program.cs</c>) on a free loopback port, in this process, over the given
/// store: PostgreSQL (<see cref="StartOnPostgresAsync"/>) or a SQLite file in a temp folder.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    /// <summary>The bootstrap admin key every test silo gets.</summary>
    public const string AdminKey = "test-admin-key-0123456789";

    private readonly WebApplication _app;
    private readonly string? _tempDirectory;

    private TestSilo(WebApplication app, Uri baseAddress, string? tempDirectory)
    {
        _app = app;
        BaseAddress = baseAddress;
        _tempDirectory = tempDirectory;
        Http = CreateHttp(AdminKey);
        Client = new SlaGridClient(baseAddress, AdminKey);
    }

    /// <summary>Where the silo listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>An HttpClient with the admin key.</summary>
    public HttpClient Http { get; }

    /// <summary>The SDK with the admin key.</summary>
    public SlaGridClient Client { get; }

    /// <summary>The silo's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a silo on a fresh SQLite file.</summary>
    public static Task<TestSilo> StartOnSqliteAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var dir = Directory.CreateTempSubdirectory("slagrid-silo").FullName;
        return StartAsync($"sqlite:{Path.Combine(dir, "slagrid.db")}", dir, settings, services);
    }

    /// <summary>Starts a silo on a PostgreSQL database (e.g. from <see cref="SlaGrid.Testing.PostgresDatabase"/>).</summary>
    public static Task<TestSilo> StartOnPostgresAsync(string connectionString, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        StartAsync($"postgres:{connectionString}", null, settings, services);

    /// <summary>Starts a silo over the given storage spec.</summary>
    public static async Task<TestSilo> StartAsync(string storageSpec, string? tempDirectory, IDictionary<string, string?>? settings, Action<IServiceCollection>? services)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = SiloArguments.Normalize(["--urls", "http://127.0.0.1:0", "--storage", storageSpec]),
            WebRootPath = RepositoryLayout.RequireDirectory("src/Silo/wwwroot"),
            EnvironmentName = "Production",
        });
        builder.Configuration["Security:AdminKey"] = AdminKey;
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.Configuration[key] = value;
        }

        builder.AddSlaGrid();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapSlaGrid();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestSilo(app, new Uri(address.TrimEnd('/') + "/"), tempDirectory);
    }

    /// <summary>An HttpClient for the silo with <paramref name="key"/> as bearer (null: none).</summary>
    public HttpClient CreateHttp(string? key)
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return http;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_tempDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_tempDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
