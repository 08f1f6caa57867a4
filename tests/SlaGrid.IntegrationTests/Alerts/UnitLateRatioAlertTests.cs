using SlaGrid.Client.Contracts;
using SlaGrid.IntegrationTests.Infrastructure;
using SlaGrid.Testing;

namespace SlaGrid.IntegrationTests.Alerts;

/// <summary>
/// A unit whose late ratio reaches its threshold raises <c>unit_late_ratio</c> with the silo's default settings
/// (snapshots coalesced on a grain timer, whose token is cancelled when the unit publishes).
/// </summary>
public sealed class UnitLateRatioAlertTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [PostgresFact]
    public async Task UnitWhoseOnlyDossierIsOverdue_RaisesUnitLateRatio()
    {
        await using var silo = await TestSilo.StartOnPostgresAsync(database.ConnectionString);
        await silo.Client.PutUnitsAsync([new Unit("VN", "Việt Nam", null, "nation", ["L0"]), new Unit("C1", "Xã 1", "VN", "commune", ["L1"])]);
        await silo.Client.PutProceduresAsync([new Procedure("P", "Five days", new ProcedureLimit(5, LimitUnits.WorkingDays))]);
        var now = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(7));

        var response = await silo.Client.PostEventsAsync(
            [new DossierEvent("e1", "D1", EventTypes.Received, now.AddDays(-2), UnitId: "C1", ProcedureCode: "P", DueAt: now.AddHours(-1))]);
        Assert.Equal(IngestStatuses.Accepted, response.Results[0].Status);

        IReadOnlyList<Alert> alerts = [];
        await Eventually.WaitAsync(
            async () =>
            {
                alerts = await silo.Client.GetAlertsAsync(kind: AlertKinds.UnitLateRatio);
                return alerts.Any(a => a.UnitId == "C1");
            },
            TimeSpan.FromSeconds(20),
            "a unit_late_ratio alert for C1");
        Assert.Equal(["L0"], alerts.Single(a => a.UnitId == "C1").Recipients);
    }
}
