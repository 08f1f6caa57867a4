namespace SlaGrid.Storage;

/// <summary>The storage backends SlaGrid runs on.</summary>
public enum StorageProvider
{
    /// <summary>Embedded SQLite in one file (the default: no setup).</summary>
    Sqlite,

    /// <summary>PostgreSQL through Npgsql (production).</summary>
    Postgres,
}
