namespace SlaGrid.Storage.Sqlite;

/// <summary>Settings of the embedded SQLite store. Durability is not configurable: WAL with <c>synchronous=FULL</c>.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>How long a statement waits for a lock held by another connection or process before the store reports itself unavailable (default 5 s; 0.1 s to 5 min).</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (BusyTimeout < TimeSpan.FromMilliseconds(100) || BusyTimeout > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentOutOfRangeException(nameof(BusyTimeout), BusyTimeout, "SqliteStorageOptions.BusyTimeout must be between 100 ms and 5 minutes.");
        }
    }
}
