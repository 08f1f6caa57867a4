using Microsoft.Data.Sqlite;
using SlaGrid.Runtime.Storage;

namespace SlaGrid.Storage.Sqlite;

/// <summary>The durable deadline index on SQLite, read by keyset over (due_at, grain_type, grain_key, name).</summary>
internal sealed class SqliteDeadlineStore(SqliteDatabase db) : IDeadlineStore
{
    internal const string UpsertSql =
        "INSERT INTO deadlines (grain_type, grain_key, name, due_at) VALUES (@type, @key, @name, @due) " +
        "ON CONFLICT (grain_type, grain_key, name) DO UPDATE SET due_at = excluded.due_at WHERE deadlines.due_at <> excluded.due_at";

    internal const string DeleteSql = "DELETE FROM deadlines WHERE grain_type = @type AND grain_key = @key AND name = @name";

    private const string Columns = "grain_type, grain_key, name, due_at";

    public Task UpsertAsync(DeadlineEntry entry, CancellationToken cancellationToken)
    {
        RecordValidation.Deadline(entry);
        return db.WriteAsync(tx => Upsert(db, tx, entry), cancellationToken);
    }

    public Task DeleteAsync(string grainType, string grainKey, string name, CancellationToken cancellationToken) =>
        db.WriteAsync(tx => Delete(db, tx, grainType, grainKey, name), cancellationToken);

    public Task<bool> CompleteAsync(DeadlineEntry entry, CancellationToken cancellationToken)
    {
        RecordValidation.Deadline(entry);
        return db.WriteAsync(
            tx => db.Statement(tx, DeleteSql + " AND due_at = @due")
                .Bind("@type", entry.GrainType)
                .Bind("@key", entry.GrainKey)
                .Bind("@name", entry.Name)
                .BindInstant("@due", entry.DueAt)
                .ExecuteNonQuery() == 1,
            cancellationToken);
    }

    public Task<IReadOnlyList<DeadlineEntry>> GetDueBeforeAsync(DateTimeOffset until, DeadlineEntry? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return db.ReadAsync<IReadOnlyList<DeadlineEntry>>(
            c =>
            {
                using var cmd = after is null
                    ? SqliteRows.Create(c, $"SELECT {Columns} FROM deadlines WHERE due_at < @until ORDER BY due_at, grain_type, grain_key, name LIMIT @limit")
                    : SqliteRows.Create(
                            c,
                            $"SELECT {Columns} FROM deadlines WHERE due_at < @until AND due_at >= @due " +
                            "AND (due_at > @due OR (grain_type, grain_key, name) > (@type, @key, @name)) " +
                            "ORDER BY due_at, grain_type, grain_key, name LIMIT @limit")
                        .BindInstant("@due", after.DueAt)
                        .Bind("@type", after.GrainType)
                        .Bind("@key", after.GrainKey)
                        .Bind("@name", after.Name);
                cmd.BindInstant("@until", until).Bind("@limit", limit);
                return SqliteRows.ReadAll(cmd, r => new DeadlineEntry(r.GetString(0), r.GetString(1), r.GetString(2), SqliteRows.Instant(r, 3)));
            },
            cancellationToken);
    }

    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        db.ReadAsync(
            c =>
            {
                using var cmd = SqliteRows.Create(c, "SELECT count(*) FROM deadlines");
                return (long)cmd.ExecuteScalar()!;
            },
            cancellationToken);

    internal static void Upsert(SqliteDatabase db, SqliteTransaction tx, DeadlineEntry entry) =>
        db.Statement(tx, UpsertSql)
            .Bind("@type", entry.GrainType)
            .Bind("@key", entry.GrainKey)
            .Bind("@name", entry.Name)
            .BindInstant("@due", entry.DueAt)
            .ExecuteNonQuery();

    internal static void Delete(SqliteDatabase db, SqliteTransaction tx, string grainType, string grainKey, string name) =>
        db.Statement(tx, DeleteSql)
            .Bind("@type", grainType)
            .Bind("@key", grainKey)
            .Bind("@name", name)
            .ExecuteNonQuery();
}
