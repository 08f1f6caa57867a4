using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using SlaGrid.Client;
using SlaGrid.Client.Contracts;
using SlaGrid.Grains.Grid;
using SlaGrid.Grains.Reference;
using SlaGrid.Silo.Security;

namespace SlaGrid.Silo.Demo;

/// <summary>
/// Seeds the synthetic province once the silo serves and the grid is ready, through the silo's own HTTP API with the
/// admin key (the path any other system takes): the nation (an existing one is reused), the province, its communes
/// and offices, their officers and leaders, the procedures. Idempotent: what exists is left as it is. Then prints
/// where to look, and hands over to <see cref="DemoFeeder"/>. The shipped calendar is used as is.
/// </summary>
internal sealed partial class DemoSeeder(
    DemoSession session,
    IOptions<DemoOptions> options,
    IOptions<SecurityOptions> security,
    IServer server,
    IHostApplicationLifetime lifetime,
    GridBootstrap bootstrap,
    ReferenceCatalog catalog,
    IHttpClientFactory http,
    TimeProvider time,
    ILogger<DemoSeeder> logger) : BackgroundService
{
    /// <summary>The name of the demo's HttpClient.</summary>
    public const string HttpClientName = "SlaGrid.Demo";

    private const int ChunkSize = 1_000;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WhenStartedAsync(stoppingToken);
            while (!bootstrap.IsReady)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100) * options.Value.Speed, time, stoppingToken);
            }

            var seeded = await SeedAsync(stoppingToken);
            session.MarkSeeded(seeded);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            session.MarkCancelled();
        }
        catch (Exception ex)
        {
            LogSeedingFailed(logger, ex);
            session.MarkFailed(ex);
        }
    }

    private async Task<DemoSeeded> SeedAsync(CancellationToken cancellationToken)
    {
        var adminKey = security.Value.AdminKey;
        if (string.IsNullOrEmpty(adminKey))
        {
            throw new InvalidOperationException("The demo needs an admin key (SLAGRID_ADMIN_KEY or Security:AdminKey).");
        }

        var address = DemoAddress.Pick(server.Features.Get<IServerAddressesFeature>()?.Addresses)
            ?? throw new InvalidOperationException("The demo needs the silo to listen on an http(s) address.");
        var client = new SlaGridClient(http.CreateClient(HttpClientName), new SlaGridClientOptions { BaseAddress = address, ApiKey = adminKey });

        var existing = (await client.GetUnitsAsync(cancellationToken)).ToDictionary(u => u.Id, StringComparer.Ordinal);
        var nation = existing.GetValueOrDefault(DemoProvince.DefaultNationId)
            ?? existing.Values.Where(u => u.ParentId is null && u.Level == "nation").OrderBy(u => u.Id, StringComparer.Ordinal).FirstOrDefault();
        var province = DemoProvince.Build(options.Value.Seed, options.Value.Communes, nation?.Id ?? DemoProvince.DefaultNationId);

        var units = new List<Unit>();
        if (nation is null)
        {
            units.Add(new Unit(DemoProvince.DefaultNationId, "Việt Nam", null, "nation"));
        }

        units.AddRange(province.Units.Where(u => !existing.ContainsKey(u.Id)));
        foreach (var chunk in units.Chunk(ChunkSize))
        {
            await client.PutUnitsAsync(chunk, cancellationToken);
        }

        var officers = province.Officers.Where(o => !catalog.Officers.ContainsKey(o.Id)).ToList();
        foreach (var chunk in officers.Chunk(ChunkSize))
        {
            await client.PutOfficersAsync(chunk, cancellationToken);
        }

        var procedures = province.Procedures.Select(p => p.Procedure).Where(p => !catalog.Procedures.ContainsKey(p.Code)).ToList();
        if (procedures.Count > 0)
        {
            await client.PutProceduresAsync(procedures, cancellationToken);
        }

        LogSeeded(logger, DemoProvince.ProvinceName, units.Count, province.Units.Count + 1 - units.Count, officers.Count, procedures.Count);
        var shownKey = string.Equals(adminKey, session.GeneratedAdminKey, StringComparison.Ordinal) ? adminKey : null;
        await Console.Out.WriteAsync(DemoBanner.Format(address, province, options.Value, shownKey, time.GetUtcNow()).AsMemory(), cancellationToken);
        await Console.Out.FlushAsync(cancellationToken);
        return new DemoSeeded(province, client);
    }

    private async Task WhenStartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(cancellationToken);
    }
}
