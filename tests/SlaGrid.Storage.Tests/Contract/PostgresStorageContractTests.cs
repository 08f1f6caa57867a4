using SlaGrid.Storage.Tests.Support;

namespace SlaGrid.Storage.Tests.Contract;

/// <summary>The storage contract on PostgreSQL (skipped outside CI when SLAGRID_TEST_PG is not set).</summary>
[RequiresPostgres]
public sealed class PostgresStorageContractTests(PostgresBackend backend) : StorageContractTests<PostgresBackend>(backend);
