using Npgsql;
using SlaGrid.Grains.Persistence;
using static SlaGrid.Storage.Postgres.PostgresParameters;

namespace SlaGrid.Storage.Postgres;

/// <summary>API keys (hashed) on PostgreSQL.</summary>
internal sealed class PostgresApiKeyStore(PostgresExecutor db) : IApiKeyStore
{
    private const string Columns = "id, name, role, unit_scope, secret_hash, created_at, revoked_at";

    public Task UpsertAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        RecordValidation.ApiKey(key);
        return db.RunAsync(
            async (c, ct) =>
            {
                await using var cmd = Command(
                    c,
                    null,
                    $"INSERT INTO api_keys ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7) " +
                    "ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, unit_scope = excluded.unit_scope, " +
                    "created_at = excluded.created_at, revoked_at = excluded.revoked_at WHERE api_keys.secret_hash = excluded.secret_hash",
                    Text(key.Id),
                    Text(key.Name),
                    Text(key.Role),
                    Text(key.UnitScope),
                    Text(key.SecretHash),
                    TimestampTz(key.CreatedAt),
                    TimestampTz(key.RevokedAt));
                if (await cmd.ExecuteNonQueryAsync(ct) != 1)
                {
                    throw StorageErrors.ApiKeyConflict(key.Id);
                }
            },
            cancellationToken);
    }

    public Task<ApiKeyRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return db.RunAsync(
            async (c, ct) =>
            {
                await using var cmd = Command(c, null, $"SELECT {Columns} FROM api_keys WHERE id = $1", Text(id));
                var list = await PostgresRows.ReadAllAsync(cmd, Read, ct);
                return list.Count > 0 ? list[0] : null;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ApiKeyRecord>> GetAllAsync(CancellationToken cancellationToken) =>
        db.RunAsync<IReadOnlyList<ApiKeyRecord>>(
            async (c, ct) =>
            {
                await using var cmd = Command(c, null, $"SELECT {Columns} FROM api_keys ORDER BY created_at, id");
                return await PostgresRows.ReadAllAsync(cmd, Read, ct);
            },
            cancellationToken);

    public Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return db.RunAsync(
            async (c, ct) =>
            {
                // A key already revoked keeps its first revocation time.
                await using var cmd = Command(
                    c,
                    null,
                    "UPDATE api_keys SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1",
                    Text(id),
                    TimestampTz(at));
                return await cmd.ExecuteNonQueryAsync(ct) == 1;
            },
            cancellationToken);
    }

    private static ApiKeyRecord Read(NpgsqlDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        PostgresRows.NullableString(r, 3),
        r.GetString(4),
        r.GetFieldValue<DateTimeOffset>(5),
        PostgresRows.NullableInstant(r, 6));
}
