using Microsoft.Data.Sqlite;
using SlaGrid.Runtime.Storage;

namespace SlaGrid.Storage.Sqlite;

/// <summary>Grain state with ETags on SQLite (writes go through the single writer, so a check and its write are atomic).</summary>
internal sealed class SqliteGrainStateStore(SqliteDatabase db) : IGrainStateStore
{
    private const string SelectSql = "SELECT data, etag FROM grain_state WHERE grain_type = @type AND grain_key = @key";

    public Task<StoredState?> ReadAsync(string grainType, string grainKey, CancellationToken cancellationToken)
    {
        RecordValidation.GrainKey(grainType, grainKey);
        return db.ReadAsync(
            c =>
            {
                using var cmd = SqliteRows.Create(c, SelectSql).Bind("@type", grainType).Bind("@key", grainKey);
                using var r = cmd.ExecuteReader();
                return r.Read() ? new StoredState(r.GetString(0), r.GetString(1)) : null;
            },
            cancellationToken);
    }

    public Task<string> WriteAsync(string grainType, string grainKey, string data, string? expectedETag, CancellationToken cancellationToken)
    {
        RecordValidation.GrainKey(grainType, grainKey);
        ArgumentNullException.ThrowIfNull(data);
        var etag = ETags.New();
        return db.WriteAsync(
            tx =>
            {
                var cmd = expectedETag is null
                    ? db.Statement(tx, "INSERT INTO grain_state (grain_type, grain_key, data, etag) VALUES (@type, @key, @data, @etag) ON CONFLICT DO NOTHING")
                    : db.Statement(tx, "UPDATE grain_state SET data = @data, etag = @etag WHERE grain_type = @type AND grain_key = @key AND etag = @expected")
                        .Bind("@expected", expectedETag);
                cmd.Bind("@type", grainType).Bind("@key", grainKey).Bind("@data", data).Bind("@etag", etag);
                if (cmd.ExecuteNonQuery() != 1)
                {
                    throw new InconsistentStateException(grainType, grainKey, expectedETag, StoredETag(tx, grainType, grainKey));
                }

                return etag;
            },
            cancellationToken);
    }

    public Task ClearAsync(string grainType, string grainKey, string? expectedETag, CancellationToken cancellationToken)
    {
        RecordValidation.GrainKey(grainType, grainKey);
        return db.WriteAsync(
            tx =>
            {
                var stored = StoredETag(tx, grainType, grainKey);
                if (!string.Equals(stored, expectedETag, StringComparison.Ordinal))
                {
                    throw new InconsistentStateException(grainType, grainKey, expectedETag, stored);
                }

                if (stored is not null)
                {
                    db.Statement(tx, "DELETE FROM grain_state WHERE grain_type = @type AND grain_key = @key")
                        .Bind("@type", grainType)
                        .Bind("@key", grainKey)
                        .ExecuteNonQuery();
                }
            },
            cancellationToken);
    }

    private string? StoredETag(SqliteTransaction tx, string grainType, string grainKey) =>
        db.Statement(tx, "SELECT etag FROM grain_state WHERE grain_type = @type AND grain_key = @key")
            .Bind("@type", grainType)
            .Bind("@key", grainKey)
            .ExecuteScalar() as string;
}
