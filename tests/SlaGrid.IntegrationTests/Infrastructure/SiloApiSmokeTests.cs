using System.Net;
using System.Net.Http.Json;
using SlaGrid.Client.Contracts;
using SlaGrid.Testing;

namespace SlaGrid.IntegrationTests.Infrastructure;

/// <summary>The harness itself works: a silo on PostgreSQL takes reference data and an event and answers for them.</summary>
public sealed class SiloApiSmokeTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [PostgresFact]
    public async Task SiloOnPostgres_AcceptsAnEvent_AndCountsIt()
    {
        await using var silo = await TestSilo.StartOnPostgresAsync(database.ConnectionString);
        await silo.Client.PutUnitsAsync([new Unit("VN", "Việt Nam", null, "nation", []), new Unit("C1", "Xã 1", "VN", "commune", ["L1"])]);
        await silo.Client.PutProceduresAsync([new Procedure("P", "Five days", new ProcedureLimit(5, "working_days"))]);
        var response = await silo.Http.PostAsJsonAsync("api/v1/events", new[]
        {
            new { eventId = "e1", dossierId = "D1", type = "received", at = "2026-11-02T09:00:00+07:00", unitId = "C1", procedureCode = "P" },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stats = await silo.Client.GetUnitStatsAsync("VN");
        Assert.Equal(1, stats.Received);

        using var anonymous = silo.CreateHttp(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("api/v1/units/VN/stats", UriKind.Relative))).StatusCode);
    }
}
