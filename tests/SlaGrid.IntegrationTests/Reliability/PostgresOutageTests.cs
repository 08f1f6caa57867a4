using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SlaGrid.Client.Contracts;
using SlaGrid.IntegrationTests.Infrastructure;
using SlaGrid.Storage.Postgres;
using SlaGrid.Testing;
using SlaGrid.Testing.Postgres;
using Xunit.Abstractions;

namespace SlaGrid.IntegrationTests.Reliability;

/// <summary>
/// PostgreSQL is stopped in the middle of a sustained load and started again, under a silo that keeps running (a
/// cluster of the test's own: never the shared one). While it is down the silo says so (503 + Retry-After,
/// <c>/readyz</c> 503, <c>/healthz</c> 200); once it is back the silo recovers by itself, and clients that retry get
/// every event acknowledged exactly once.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class PostgresOutageTests(ITestOutputHelper output)
{
    private static readonly LoadPlan Plan = new(ChannelProducers: 8, DossiersPerChannelProducer: 100, HttpProducers: 4, BatchesPerHttpProducer: 8, DossiersPerBatch: 25);

    // The console stays quiet (an outage logs a warning per failed request); the test keeps the warnings for its messages.
    private static readonly Dictionary<string, string?> QuietConsole = new() { ["Logging:Console:LogLevel:Default"] = "None" };

    [ThrowawayPostgresFact]
    public Task PostgresStoppedUnderLoad_SiloAnswers503_ThenRecoversByItself_AndEveryEventIsAcknowledgedOnce() =>
        RunAsync(immediate: false);

    [ThrowawayPostgresFact]
    public Task PostgresCrashedUnderLoad_SiloAnswers503_ThenRecoversByItself_AndEveryEventIsAcknowledgedOnce() =>
        RunAsync(immediate: true);

    private static DossierEvent ProbeEvent(string id) =>
        new(id, "probe-" + id, EventTypes.Received, DateTimeOffset.UtcNow.AddHours(-1), UnitId: ReliabilityGrid.Communes[0], ProcedureCode: ReliabilityGrid.Procedure);

    /// <summary>The scenario; <paramref name="immediate"/>: the server dies like a crash (no shutdown checkpoint, recovery on start).</summary>
    private async Task RunAsync(bool immediate)
    {
        await using var postgres = await ThrowawayPostgres.CreateAsync();
        var log = new CapturedLog();
        await using var silo = await TestSilo.StartOnPostgresAsync(postgres.ConnectionString, QuietConsole, s => s.AddSingleton<ILoggerProvider>(log));
        try
        {
            await ReliabilityGrid.SeedAsync(silo.Client);
            await using var load = new LoadGenerator(silo.BaseAddress, TestSilo.AdminKey, Plan);
            load.Start();
            await load.WaitForAcknowledgedAsync(load.PlannedEvents * 3 / 10, TimeSpan.FromMinutes(2));

            var stopping = Stopwatch.GetTimestamp();
            await postgres.StopAsync(immediate);
            var acknowledgedBeforeOutage = load.AcknowledgedNow();

            // While the store is down: ingestion says 503 + Retry-After with the problem code, readiness fails, liveness holds.
            using (var response = await silo.Http.PostAsJsonAsync(new Uri("api/v1/events", UriKind.Relative), new[] { ProbeEvent("probe-1") }, SlaGridJson.Options))
            {
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"POST /api/v1/events answered {(int)response.StatusCode}: {body}");
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"No positive Retry-After: {response.Headers.RetryAfter}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                using var problem = JsonDocument.Parse(body);
                Assert.Equal(ErrorCodes.Unavailable, problem.RootElement.GetProperty("code").GetString());
            }

            using (var ready = await silo.Http.GetAsync(new Uri("readyz", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            }

            using (var live = await silo.Http.GetAsync(new Uri("healthz", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            }

            // Keep it down until the clients have felt it, then bring it back; the silo is not touched.
            // (each HTTP client resends after the Retry-After, so eight 503s mean an outage of several seconds).
            await Eventually.WaitAsync(() => Task.FromResult(load.UnavailableAnswers >= 8), TimeSpan.FromMinutes(1), "the clients to be told 503");
            var outage = Stopwatch.GetElapsedTime(stopping);
            await postgres.StartAsync();
            var restarted = Stopwatch.GetTimestamp();
            await Eventually.WaitAsync(
                async () =>
                {
                    using var ready = await silo.Http.GetAsync(new Uri("readyz", UriKind.Relative));
                    return ready.StatusCode == HttpStatusCode.OK;
                },
                TimeSpan.FromMinutes(1),
                "/readyz to answer 200 again");
            var readyAfter = Stopwatch.GetElapsedTime(restarted);

            // Ingestion works again without any help: resending an event acknowledged before the outage is answered
            // duplicate (which needs the store), without waiting for anyone's Retry-After.
            var known = load.Sent[acknowledgedBeforeOutage.First()];
            await Eventually.WaitAsync(
                async () =>
                {
                    using var response = await silo.Http.PostAsJsonAsync(new Uri("api/v1/events", UriKind.Relative), new[] { known }, SlaGridJson.Options);
                    return response.StatusCode == HttpStatusCode.OK
                        && (await response.Content.ReadFromJsonAsync<IngestResponse>(SlaGridJson.Options))!.Results[0].Status == IngestStatuses.Duplicate;
                },
                TimeSpan.FromMinutes(1),
                "ingestion to answer again");
            var ingestAfter = Stopwatch.GetElapsedTime(restarted);

            await load.CompleteAsync(TimeSpan.FromMinutes(4));
            var firstAck = load.FirstAcknowledgementAfter(restarted);

            Assert.True(load.AcknowledgedCount == load.PlannedEvents, $"Not every event was acknowledged:\n{load.DescribeProblems()}\nSilo log:\n{log.Tail()}");
            Assert.True(acknowledgedBeforeOutage.Count < load.PlannedEvents, "The outage did not happen in the middle of the load.");
            Assert.True(load.InternalErrors == 0, $"The silo answered 500 {load.InternalErrors} times (an outage must be a 503):\n{log.Tail()}");
            Assert.False(silo.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested, "The silo began to stop.");

            await using var storage = new PostgresStorage(postgres.ConnectionString, TimeProvider.System, NullLoggerFactory.Instance);
            var stored = await StoreAudit.AssertStoreHoldsAcknowledgedOnceAsync(storage, load, acknowledgedBeforeOutage);
            await StoreAudit.AssertStatsMatchRecountAsync(silo.Client, storage);
            Assert.Equal(0, await StoreAudit.ResendEverythingAsync(silo.Http, load));
            Assert.Equal(stored, await StoreAudit.AssertStoreHoldsAcknowledgedOnceAsync(storage, load, acknowledgedBeforeOutage));
            await StoreAudit.AssertStatsMatchRecountAsync(silo.Client, storage);

            output.WriteLine(
                $"postgres {(immediate ? "crash" : "fast shutdown")}: {load.PlannedEvents} events ({Plan.Dossiers} dossiers); {acknowledgedBeforeOutage.Count} acknowledged before the stop; " +
                $"down {outage.TotalSeconds:F2} s ({load.UnavailableAnswers} 503 answers to the HTTP clients, 0 500s); " +
                $"/readyz 200 again {readyAfter.TotalSeconds:F2} s and ingestion {ingestAfter.TotalSeconds:F2} s after the restart; first load acknowledgement at " +
                $"{(firstAck is { } t ? Stopwatch.GetElapsedTime(restarted, t).TotalSeconds : double.NaN):F2} s; events lost: 0; stored: {stored}.");
        }
        catch
        {
            output.WriteLine("Silo log (warnings and errors):\n" + log.Tail(80));
            output.WriteLine("PostgreSQL log:\n" + postgres.ReadLog());
            throw;
        }
    }
}
