using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace SlaGrid.IntegrationTests.Reliability;

/// <summary>SIGKILL of the silo under load, on SQLite (a temp file).</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class SiloKillOnSqliteTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SigkillUnderLoad_ThenRestart_LosesNothingAcknowledged_AndCountsMatchTheStore()
    {
        var directory = Directory.CreateTempSubdirectory("slagrid-kill-sqlite").FullName;
        try
        {
            await SiloKillScenario.RunAsync("sqlite:" + Path.Combine(directory, "slagrid.db"), directory, output);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
