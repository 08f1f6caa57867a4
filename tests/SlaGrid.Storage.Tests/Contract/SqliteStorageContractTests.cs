using SlaGrid.Storage.Tests.Support;

namespace SlaGrid.Storage.Tests.Contract;

/// <summary>The storage contract on SQLite (a temporary file per test).</summary>
public sealed class SqliteStorageContractTests(SqliteBackend backend) : StorageContractTests<SqliteBackend>(backend);
