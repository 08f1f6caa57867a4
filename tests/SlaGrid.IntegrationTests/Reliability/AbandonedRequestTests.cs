using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SlaGrid.Client.Contracts;
using SlaGrid.Grains.Grid;
using SlaGrid.Grains.Ingest;
using SlaGrid.Grains.Persistence;
using SlaGrid.IntegrationTests.Infrastructure;
using SlaGrid.Storage;

namespace SlaGrid.IntegrationTests.Reliability;

/// <summary>
/// A caller that goes away (client timeout, disconnect: the request is aborted) once its event is durable does not
/// take the event's effect on the live counts with it: the event is in the store, so it is counted.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class AbandonedRequestTests
{
    [Fact]
    public async Task RequestAbortedRightAfterTheCommit_TheDurableEventIsStillCounted()
    {
        await using var silo = await TestSilo.StartOnSqliteAsync(services: s => s.AddSingleton<IDossierCommitter>(sp => new FaultyCommitter(sp.GetRequiredService<GroupCommitter>())));
        var faults = (FaultyCommitter)silo.Services.GetRequiredService<IDossierCommitter>();
        var storage = silo.Services.GetRequiredService<ISlaGridStorage>();
        var ingest = silo.Services.GetRequiredService<IngestService>();
        await ReliabilityGrid.SeedAsync(silo.Client);
        var events = ReliabilityGrid.DossierEvents(Guid.NewGuid().ToString("N")[..8], 0, DateTimeOffset.UtcNow);

        foreach (var e in events)
        {
            // The request's token (HttpContext.RequestAborted in the API) fires once the commit is durable.
            using var request = new CancellationTokenSource();
            faults.AfterCommitOf(e.EventId, request.Cancel);
            try
            {
                await ingest.IngestAsync(Parse(e), null, request.Token);
            }
            catch (OperationCanceledException)
            {
                // Whether the abandoned call ends in an answer or a cancellation, nobody reads it.
            }

            Assert.True(request.IsCancellationRequested);
            Assert.Single(await storage.Dossiers.FindEventsAsync([e.EventId], CancellationToken.None));
            await StoreAudit.AssertStatsMatchRecountAsync(silo.Client, storage);
        }

        var stats = await silo.Client.GetUnitStatsAsync(ReliabilityGrid.Nation);
        Assert.Equal((1, 0, 1), (stats.Received, stats.Open, stats.FinishedEarly));
    }

    private static List<ParsedEvent> Parse(DossierEvent e)
    {
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(new[] { e }, SlaGridJson.Options));
        return EventBatchParser.Parse(document.RootElement, DateTimeOffset.UtcNow);
    }
}
