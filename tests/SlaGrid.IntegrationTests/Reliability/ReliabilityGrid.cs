using SlaGrid.Client;
using SlaGrid.Client.Contracts;

namespace SlaGrid.IntegrationTests.Reliability;

/// <summary>
/// The small grid the reliability tests load: a nation, a province and four communes with one officer each, one
/// procedure; dossiers received two days ago with an appointment half a year ahead (so their category cannot change
/// while a test runs), half of them processed an hour later (finished early).
/// </summary>
internal static class ReliabilityGrid
{
    public const string Nation = "VN";
    public const string Province = "P1";
    public const string Procedure = "P5";

    public static readonly string[] Communes = ["C1", "C2", "C3", "C4"];

    public static readonly string[] Officers = ["O1", "O2", "O3", "O4"];

    /// <summary>Puts the units, officers and procedure.</summary>
    public static async Task SeedAsync(SlaGridClient client, CancellationToken cancellationToken = default)
    {
        var units = new List<Unit>
        {
            new(Nation, "Việt Nam", null, "nation", []),
            new(Province, "Tỉnh 1", Nation, "province", ["L-P1"]),
        };
        units.AddRange(Communes.Select(c => new Unit(c, "Xã " + c, Province, "commune", ["L-" + c])));
        await client.PutUnitsAsync(units, cancellationToken);
        await client.PutOfficersAsync(Officers.Select((o, i) => new Officer(o, "Cán bộ " + o, Communes[i])), cancellationToken);
        await client.PutProceduresAsync([new Procedure(Procedure, "Five working days", new ProcedureLimit(5, "working_days"))], cancellationToken);
    }

    /// <summary>The events of dossier number <paramref name="n"/> of run <paramref name="run"/>: received, and every other one processed.</summary>
    public static IReadOnlyList<DossierEvent> DossierEvents(string run, int n, DateTimeOffset now)
    {
        var dossier = $"{run}-D{n:D5}";
        var local = now.ToOffset(TimeSpan.FromHours(7));
        var receivedAt = new DateTimeOffset(local.Year, local.Month, local.Day, 9, 0, 0, local.Offset).AddDays(-2).AddSeconds(n % 3600);
        var dueAt = new DateTimeOffset(local.Year, local.Month, local.Day, 17, 0, 0, local.Offset).AddDays(180);
        var received = new DossierEvent(
            dossier + "-r",
            dossier,
            EventTypes.Received,
            receivedAt,
            UnitId: Communes[n % Communes.Length],
            ProcedureCode: Procedure,
            OfficerId: Officers[n % Officers.Length],
            DueAt: dueAt);
        return n % 2 == 0
            ? [received, new DossierEvent(dossier + "-p", dossier, EventTypes.Processed, receivedAt.AddHours(1))]
            : [received];
    }
}
