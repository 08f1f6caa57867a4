using SlaGrid.Runtime.Storage;
using static SlaGrid.Storage.Postgres.PostgresParameters;

namespace SlaGrid.Storage.Postgres;

/// <summary>The durable deadline index on PostgreSQL, read by keyset over (due_at, grain_type, grain_key, name).</summary>
internal sealed class PostgresDeadlineStore(PostgresExecutor db) : IDeadlineStore
{
    private const string Columns = "grain_type, grain_key, name, due_at";

    public Task UpsertAsync(DeadlineEntry entry, CancellationToken cancellationToken)
    {
        RecordValidation.Deadline(entry);
        return db.RunAsync(
            async (c, ct) =>
            {
                await using var cmd = Command(
                    c,
                    null,
                    "INSERT INTO deadlines (grain_type, grain_key, name, due_at) VALUES ($1, $2, $3, $4) " +
                    "ON CONFLICT (grain_type, grain_key, name) DO UPDATE SET due_at = excluded.due_at WHERE deadlines.due_at <> excluded.due_at",
                    Text(entry.GrainType),
                    Text(entry.GrainKey),
                    Text(entry.Name),
                    TimestampTz(entry.DueAt));
                await cmd.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
    }

    public Task DeleteAsync(string grainType, string grainKey, string name, CancellationToken cancellationToken) =>
        db.RunAsync(
            async (c, ct) =>
            {
                await using var cmd = Command(
                    c,
                    null,
                    "DELETE FROM deadlines WHERE grain_type = $1 AND grain_key = $2 AND name = $3",
                    Text(grainType),
                    Text(grainKey),
                    Text(name));
                await cmd.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);

    public Task<bool> CompleteAsync(DeadlineEntry entry, CancellationToken cancellationToken)
    {
        RecordValidation.Deadline(entry);
        return db.RunAsync(
            async (c, ct) =>
            {
                await using var cmd = Command(
                    c,
                    null,
                    "DELETE FROM deadlines WHERE grain_type = $1 AND grain_key = $2 AND name = $3 AND due_at = $4",
                    Text(entry.GrainType),
                    Text(entry.GrainKey),
                    Text(entry.Name),
                    TimestampTz(entry.DueAt));
                return await cmd.ExecuteNonQueryAsync(ct) == 1;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<DeadlineEntry>> GetDueBeforeAsync(DateTimeOffset until, DeadlineEntry? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return db.RunAsync<IReadOnlyList<DeadlineEntry>>(
            async (c, ct) =>
            {
                await using var cmd = after is null
                    ? Command(
                        c,
                        null,
                        $"SELECT {Columns} FROM deadlines WHERE due_at < $1 ORDER BY due_at, grain_type, grain_key, name LIMIT $2",
                        TimestampTz(until),
                        Integer(limit))
                    : Command(
                        c,
                        null,
                        $"SELECT {Columns} FROM deadlines WHERE due_at < $1 AND due_at >= $2 " +
                        "AND (due_at > $2 OR (grain_type, grain_key, name) > ($3, $4, $5)) " +
                        "ORDER BY due_at, grain_type, grain_key, name LIMIT $6",
                        TimestampTz(until),
                        TimestampTz(after.DueAt),
                        Text(after.GrainType),
                        Text(after.GrainKey),
                        Text(after.Name),
                        Integer(limit));
                return await PostgresRows.ReadAllAsync(
                    cmd,
                    r => new DeadlineEntry(r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3)),
                    ct);
            },
            cancellationToken);
    }

    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        db.RunAsync(
            async (c, ct) =>
            {
                await using var cmd = Command(c, null, "SELECT count(*) FROM deadlines");
                return (long)(await cmd.ExecuteScalarAsync(ct))!;
            },
            cancellationToken);
}
