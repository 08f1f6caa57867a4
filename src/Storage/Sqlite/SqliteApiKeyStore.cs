using Microsoft.Data.Sqlite;
using SlaGrid.Grains.Persistence;

namespace SlaGrid.Storage.Sqlite;

/// <summary>API keys (hashed) on SQLite.</summary>
internal sealed class SqliteApiKeyStore(SqliteDatabase db) : IApiKeyStore
{
    private const string Columns = "id, name, role, unit_scope, secret_hash, created_at, revoked_at";

    public Task UpsertAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        RecordValidation.ApiKey(key);
        return db.WriteAsync(
            tx =>
            {
                var written = db.Statement(
                        tx,
                        $"INSERT INTO api_keys ({Columns}) VALUES (@id, @name, @role, @scope, @hash, @created, @revoked) " +
                        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, unit_scope = excluded.unit_scope, " +
                        "created_at = excluded.created_at, revoked_at = excluded.revoked_at WHERE api_keys.secret_hash = excluded.secret_hash")
                    .Bind("@id", key.Id)
                    .Bind("@name", key.Name)
                    .Bind("@role", key.Role)
                    .Bind("@scope", key.UnitScope)
                    .Bind("@hash", key.SecretHash)
                    .BindInstant("@created", key.CreatedAt)
                    .BindInstant("@revoked", key.RevokedAt)
                    .ExecuteNonQuery();
                if (written != 1)
                {
                    throw StorageErrors.ApiKeyConflict(key.Id);
                }
            },
            cancellationToken);
    }

    public Task<ApiKeyRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return db.ReadAsync(
            c =>
            {
                using var cmd = SqliteRows.Create(c, $"SELECT {Columns} FROM api_keys WHERE id = @id").Bind("@id", id);
                return SqliteRows.ReadAll(cmd, Read).FirstOrDefault();
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ApiKeyRecord>> GetAllAsync(CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<ApiKeyRecord>>(
            c =>
            {
                using var cmd = SqliteRows.Create(c, $"SELECT {Columns} FROM api_keys ORDER BY created_at, id");
                return SqliteRows.ReadAll(cmd, Read);
            },
            cancellationToken);

    public Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return db.WriteAsync(
            tx => db.Statement(tx, "UPDATE api_keys SET revoked_at = coalesce(revoked_at, @at) WHERE id = @id")
                .Bind("@id", id)
                .BindInstant("@at", at)
                .ExecuteNonQuery() == 1,
            cancellationToken);
    }

    private static ApiKeyRecord Read(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        SqliteRows.NullableString(r, 3),
        r.GetString(4),
        SqliteRows.Instant(r, 5),
        SqliteRows.NullableInstant(r, 6));
}
