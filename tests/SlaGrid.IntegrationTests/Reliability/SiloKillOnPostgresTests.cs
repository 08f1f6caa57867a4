using SlaGrid.Testing;
using Xunit.Abstractions;

namespace SlaGrid.IntegrationTests.Reliability;

/// <summary>SIGKILL of the silo under load, on PostgreSQL (a fresh database on the shared server).</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class SiloKillOnPostgresTests(PostgresDatabase database, ITestOutputHelper output) : IClassFixture<PostgresDatabase>
{
    [PostgresFact]
    public async Task SigkillUnderLoad_ThenRestart_LosesNothingAcknowledged_AndCountsMatchTheStore()
    {
        var directory = Directory.CreateTempSubdirectory("slagrid-kill-pg").FullName;
        try
        {
            await SiloKillScenario.RunAsync("postgres:" + database.ConnectionString, directory, output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
