using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using SlaGrid.Client;
using SlaGrid.IntegrationTests.Infrastructure;
using SlaGrid.Storage;
using SlaGrid.Testing;
using Xunit.Abstractions;

namespace SlaGrid.IntegrationTests.Reliability;

/// <summary>
/// The silo is killed (SIGKILL) in the middle of a sustained load and a new silo process is started over the same
/// store on the same address, while the clients keep sending and retrying. Afterwards: nothing acknowledged is lost
/// (before or after the kill), nothing took effect twice, the rebuilt counts equal a recount, and resending
/// everything is answered <c>duplicate</c>.
/// </summary>
internal static class SiloKillScenario
{
    public static readonly LoadPlan Plan = new(ChannelProducers: 8, DossiersPerChannelProducer: 120, HttpProducers: 4, BatchesPerHttpProducer: 10, DossiersPerBatch: 25);

    public static async Task RunAsync(string storageSpec, string workingDirectory, ITestOutputHelper output)
    {
        var port = FreePort.Next();
        var silo = await SiloProcess.StartAsync(storageSpec, workingDirectory, port);
        try
        {
            using (var client = new SlaGridClient(silo.BaseAddress, TestSilo.AdminKey))
            {
                await ReliabilityGrid.SeedAsync(client);
            }

            await using var load = new LoadGenerator(silo.BaseAddress, TestSilo.AdminKey, Plan);
            load.Start();
            await load.WaitForAcknowledgedAsync(load.PlannedEvents * 3 / 10, TimeSpan.FromMinutes(2));

            var killing = Stopwatch.GetTimestamp();
            await silo.KillAsync();
            await silo.DisposeAsync();

            // Whatever was acknowledged until the process died must survive it.
            var killedAt = Stopwatch.GetTimestamp();
            var acknowledgedBeforeKill = load.AcknowledgedNow();
            silo = await SiloProcess.StartAsync(storageSpec, workingDirectory, port);
            var restart = Stopwatch.GetElapsedTime(killing);

            await load.CompleteAsync(TimeSpan.FromMinutes(4));
            var firstAck = load.FirstAcknowledgementAfter(killedAt);

            // Every client got every event acknowledged in the end, and the second silo acknowledged some of them.
            Assert.True(load.Sent.Count == load.PlannedEvents, $"{load.Sent.Count} of {load.PlannedEvents} events were sent");
            Assert.True(load.AcknowledgedCount == load.PlannedEvents, $"Not every event was acknowledged:\n{load.DescribeProblems()}");
            Assert.True(acknowledgedBeforeKill.Count < load.PlannedEvents, "The kill did not happen in the middle of the load.");

            await using var storage = await StorageFactory.CreateAsync(storageSpec, TimeProvider.System, NullLoggerFactory.Instance, CancellationToken.None);
            var stored = await StoreAudit.AssertStoreHoldsAcknowledgedOnceAsync(storage, load, acknowledgedBeforeKill);
            using (var client = new SlaGridClient(silo.BaseAddress, TestSilo.AdminKey))
            {
                await StoreAudit.AssertStatsMatchRecountAsync(client, storage);
            }

            using (var http = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = TimeSpan.FromSeconds(60) })
            {
                http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestSilo.AdminKey);
                var acceptedOnResend = await StoreAudit.ResendEverythingAsync(http, load);
                Assert.Equal(0, acceptedOnResend);
            }

            Assert.Equal(stored, await StoreAudit.AssertStoreHoldsAcknowledgedOnceAsync(storage, load, acknowledgedBeforeKill));
            output.WriteLine(
                $"{storage.Provider}: {load.PlannedEvents} events ({Plan.Dossiers} dossiers), {acknowledgedBeforeKill.Count} acknowledged before SIGKILL; " +
                $"new silo ready {restart.TotalSeconds:F2} s after the kill; first acknowledgement after the kill at " +
                $"{(firstAck is { } t ? Stopwatch.GetElapsedTime(killedAt, t).TotalSeconds : double.NaN):F2} s; " +
                $"{load.ConnectionFailures} broken/refused HTTP requests resent; {load.Answers.Values.Count(a => a.Status == "duplicate")} events first answered duplicate; " +
                $"events lost: 0; stored: {stored}.");
        }
        catch
        {
            output.WriteLine("Silo output:\n" + silo.Output);
            throw;
        }
        finally
        {
            await silo.DisposeAsync();
        }
    }
}
