using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SlaGrid.Client.Contracts;
using SlaGrid.Grains.Persistence;
using SlaGrid.IntegrationTests.Infrastructure;
using SlaGrid.Storage;

namespace SlaGrid.IntegrationTests.Reliability;

/// <summary>
/// A dossier commit that fails in the store leaves the dossier grain usable and right: one that did not land leaves
/// no trace (the resend is accepted, counted once); one that landed although its caller was told it failed (the
/// reply lost to an outage) is counted once, answered <c>duplicate</c> on resend, and the dossier takes its next
/// events (no stale version, no 500).
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class UncertainCommitTests
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task CommitWhoseReplyIsLost_IsCountedOnce_AndTheDossierTakesItsNextEvents()
    {
        await using var silo = await StartAsync();
        var faults = (FaultyCommitter)silo.Services.GetRequiredService<IDossierCommitter>();
        var storage = silo.Services.GetRequiredService<ISlaGridStorage>();
        await ReliabilityGrid.SeedAsync(silo.Client);
        var events = ReliabilityGrid.DossierEvents(_run, 0, DateTimeOffset.UtcNow);
        var (received, processed) = (events[0], events[1]);

        faults.LoseReplyFor(received.EventId);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await PostStatusAsync(silo, received));
        Assert.Equal(IngestStatuses.Duplicate, await PostAsync(silo, received));
        await StoreAudit.AssertStatsMatchRecountAsync(silo.Client, storage);
        Assert.Equal(1, (await silo.Client.GetUnitStatsAsync(ReliabilityGrid.Nation)).Open);

        faults.LoseReplyFor(processed.EventId);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await PostStatusAsync(silo, processed));
        Assert.Equal(IngestStatuses.Duplicate, await PostAsync(silo, processed));
        await StoreAudit.AssertStatsMatchRecountAsync(silo.Client, storage);
        var stats = await silo.Client.GetUnitStatsAsync(ReliabilityGrid.Nation);
        Assert.Equal((1, 0, 1), (stats.Received, stats.Open, stats.FinishedEarly));

        var returned = new DossierEvent(received.DossierId + "-t", received.DossierId, EventTypes.Returned, processed.At.AddHours(1));
        Assert.Equal(IngestStatuses.Accepted, await PostAsync(silo, returned));
        Assert.Equal(Outcomes.Early, (await silo.Client.GetDossierAsync(received.DossierId))!.Outcome);
        Assert.Equal(3, (await storage.Dossiers.GetDossierAsync(received.DossierId, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task CommitThatFailsBeforeTheStore_LeavesNoTrace_AndTheResendIsAcceptedOnce()
    {
        await using var silo = await StartAsync();
        var faults = (FaultyCommitter)silo.Services.GetRequiredService<IDossierCommitter>();
        var storage = silo.Services.GetRequiredService<ISlaGridStorage>();
        await ReliabilityGrid.SeedAsync(silo.Client);
        var events = ReliabilityGrid.DossierEvents(_run, 0, DateTimeOffset.UtcNow);
        var (received, processed) = (events[0], events[1]);
        Assert.Equal(IngestStatuses.Accepted, await PostAsync(silo, received));

        faults.RefuseFor(processed.EventId);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await PostStatusAsync(silo, processed));

        Assert.Null((await silo.Client.GetDossierAsync(received.DossierId))!.FinishedAt);
        Assert.Equal(IngestStatuses.Accepted, await PostAsync(silo, processed));
        Assert.Equal(IngestStatuses.Duplicate, await PostAsync(silo, processed));
        await StoreAudit.AssertStatsMatchRecountAsync(silo.Client, storage);
        var stats = await silo.Client.GetUnitStatsAsync(ReliabilityGrid.Nation);
        Assert.Equal((1, 0, 1), (stats.Received, stats.Open, stats.FinishedEarly));
        Assert.Equal(2L, await storage.Dossiers.CountEventsAsync(CancellationToken.None));
    }

    private static Task<TestSilo> StartAsync() =>
        TestSilo.StartOnSqliteAsync(services: s => s.AddSingleton<IDossierCommitter>(sp => new FaultyCommitter(sp.GetRequiredService<GroupCommitter>())));

    private static async Task<HttpStatusCode> PostStatusAsync(TestSilo silo, DossierEvent e)
    {
        using var response = await silo.Http.PostAsJsonAsync(new Uri("api/v1/events", UriKind.Relative), new[] { e }, SlaGridJson.Options);
        return response.StatusCode;
    }

    private static async Task<string> PostAsync(TestSilo silo, DossierEvent e)
    {
        using var response = await silo.Http.PostAsJsonAsync(new Uri("api/v1/events", UriKind.Relative), new[] { e }, SlaGridJson.Options);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {e.EventId} answered {(int)response.StatusCode}: {body}");
        var result = (await response.Content.ReadFromJsonAsync<IngestResponse>(SlaGridJson.Options))!.Results.Single();
        return result.Status;
    }
}
