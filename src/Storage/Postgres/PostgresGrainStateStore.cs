using Npgsql;
using SlaGrid.Runtime.Storage;
using static SlaGrid.Storage.Postgres.PostgresParameters;

namespace SlaGrid.Storage.Postgres;

/// <summary>Grain state with ETags on PostgreSQL. Every write gets a fresh random ETag, so a cleared-then-rewritten state never matches an old one.</summary>
internal sealed class PostgresGrainStateStore(PostgresExecutor db) : IGrainStateStore
{
    public Task<StoredState?> ReadAsync(string grainType, string grainKey, CancellationToken cancellationToken)
    {
        RecordValidation.GrainKey(grainType, grainKey);
        return db.RunAsync(
            async (c, ct) =>
            {
                await using var cmd = Command(c, null, "SELECT data, etag FROM grain_state WHERE grain_type = $1 AND grain_key = $2", Text(grainType), Text(grainKey));
                await using var r = await cmd.ExecuteReaderAsync(ct);
                return await r.ReadAsync(ct) ? new StoredState(r.GetString(0), r.GetString(1)) : null;
            },
            cancellationToken);
    }

    public Task<string> WriteAsync(string grainType, string grainKey, string data, string? expectedETag, CancellationToken cancellationToken)
    {
        RecordValidation.GrainKey(grainType, grainKey);
        ArgumentNullException.ThrowIfNull(data);
        var etag = ETags.New();
        return db.RunAsync(
            async (c, ct) =>
            {
                await using var cmd = expectedETag is null
                    ? Command(
                        c,
                        null,
                        "INSERT INTO grain_state (grain_type, grain_key, data, etag) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                        Text(grainType),
                        Text(grainKey),
                        Text(data),
                        Text(etag))
                    : Command(
                        c,
                        null,
                        "UPDATE grain_state SET data = $3, etag = $4 WHERE grain_type = $1 AND grain_key = $2 AND etag = $5",
                        Text(grainType),
                        Text(grainKey),
                        Text(data),
                        Text(etag),
                        Text(expectedETag));
                if (await cmd.ExecuteNonQueryAsync(ct) == 1)
                {
                    return etag;
                }

                throw await StaleAsync(c, grainType, grainKey, expectedETag, ct);
            },
            cancellationToken);
    }

    public Task ClearAsync(string grainType, string grainKey, string? expectedETag, CancellationToken cancellationToken)
    {
        RecordValidation.GrainKey(grainType, grainKey);
        return db.RunAsync(
            async (c, ct) =>
            {
                if (expectedETag is null)
                {
                    var stored = await ReadETagAsync(c, grainType, grainKey, ct);
                    if (stored is not null)
                    {
                        throw new InconsistentStateException(grainType, grainKey, expectedETag, stored);
                    }

                    return;
                }

                await using var cmd = Command(
                    c,
                    null,
                    "DELETE FROM grain_state WHERE grain_type = $1 AND grain_key = $2 AND etag = $3",
                    Text(grainType),
                    Text(grainKey),
                    Text(expectedETag));
                if (await cmd.ExecuteNonQueryAsync(ct) != 1)
                {
                    throw await StaleAsync(c, grainType, grainKey, expectedETag, ct);
                }
            },
            cancellationToken);
    }

    private static async Task<InconsistentStateException> StaleAsync(NpgsqlConnection c, string grainType, string grainKey, string? expected, CancellationToken ct) =>
        new(grainType, grainKey, expected, await ReadETagAsync(c, grainType, grainKey, ct));

    private static async Task<string?> ReadETagAsync(NpgsqlConnection c, string grainType, string grainKey, CancellationToken ct)
    {
        await using var cmd = Command(c, null, "SELECT etag FROM grain_state WHERE grain_type = $1 AND grain_key = $2", Text(grainType), Text(grainKey));
        return await cmd.ExecuteScalarAsync(ct) as string;
    }
}
