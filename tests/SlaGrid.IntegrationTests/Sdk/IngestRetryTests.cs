using Microsoft.Extensions.DependencyInjection;
using SlaGrid.Client;
using SlaGrid.Client.Contracts;
using SlaGrid.Grains.Persistence;
using SlaGrid.Testing;

namespace SlaGrid.IntegrationTests.Sdk;

/// <summary>
/// The SDK's retry against a silo whose answers are lost after the commit (503 + Retry-After injected in front of
/// the pipeline): the resend answers duplicate and nothing is applied twice.
/// </summary>
public sealed class IngestRetryTests(FaultySilo api) : IClassFixture<FaultySilo>
{
    private static DateTimeOffset At(int day, int hour) => new(2026, 3, day, hour, 0, 0, TimeSpan.FromHours(7));

    [PostgresFact]
    public async Task IngestChannel_RetriesAfterA503ThatFollowedTheCommit_WithNoDoubleEffect()
    {
        var province = await api.NewSubtreeAsync("RT");
        var storage = api.Silo.Services.GetRequiredService<ISlaGridStorage>();
        var eventsBefore = await storage.Dossiers.CountEventsAsync(CancellationToken.None);
        var events = Enumerable.Range(0, 20).SelectMany(i => new[]
        {
            new DossierEvent($"rt-{i}-r", $"RT-{i}", "received", At(2, 9), UnitId: "RT-C1", ProcedureCode: "WD5", OfficerId: "RT-O1"),
            new DossierEvent($"rt-{i}-s", $"RT-{i}", "supplement_requested", At(3, 9)),
            new DossierEvent($"rt-{i}-b", $"RT-{i}", "supplement_received", At(4, 9)),
            new DossierEvent($"rt-{i}-p", $"RT-{i}", "processed", At(10, 9)),
        }).ToList();

        var injectedBefore = api.Faults.Injected;
        api.Faults.Failures = 2;
        IReadOnlyList<EventResult> results;
        await using (var channel = api.Silo.Client.CreateIngestChannel(new IngestChannelOptions { MaxBatchSize = 1000, MaxConcurrentBatches = 1 }))
        {
            results = await channel.SendManyAsync(events);
        }

        Assert.Equal(2, api.Faults.Injected - injectedBefore);
        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.All(results, r => Assert.Equal(EventOutcome.Duplicate, r.Outcome));
        Assert.All(results, r => Assert.Equal(3, r.Attempts));

        Assert.Equal(eventsBefore + events.Count, await storage.Dossiers.CountEventsAsync(CancellationToken.None));
        var stats = await api.Silo.Client.GetUnitStatsAsync(province);
        Assert.Equal((20, 20, 0), (stats.Received, stats.FinishedOnTime, stats.FinishedLate));
        var dossier = await api.Silo.Client.GetDossierAsync("RT-7");
        Assert.Equal(1, dossier!.SupplementRequests);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 17, 0, 0, TimeSpan.FromHours(7)), dossier.DueAt);
        Assert.Equal(20, (await api.Silo.Client.GetOfficerStatsAsync("RT-O1")).Received);
    }

    [PostgresFact]
    public async Task PostEventsAsync_SurfacesThe503AsTransient_AndTheResendIsDuplicate()
    {
        var events = new[] { new DossierEvent("rt1-r", "RT1", "received", At(2, 9), UnitId: "C1", ProcedureCode: "WD5") };
        api.Faults.Failures = 1;
        var failure = await Assert.ThrowsAsync<SlaGridApiException>(() => api.Silo.Client.PostEventsAsync(events));
        Assert.True(failure.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(1), failure.RetryAfter);
        Assert.Equal("duplicate", (await api.Silo.Client.PostEventsAsync(events)).Results.Single().Status);
    }
}
