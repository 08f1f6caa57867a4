using Npgsql;
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
            // A modest pool: the shared server serves the rest of the suite at the same time.
            var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 30 }.ConnectionString;
            await SiloKillScenario.RunAsync("postgres:" + connection, directory, output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
