using Npgsql;
using SlaGrid.Grains.Persistence;

namespace SlaGrid.Storage.Postgres;

/// <summary>Column lists and row readers shared by the PostgreSQL stores.</summary>
internal static class PostgresRows
{
    public const string DossierColumns =
        "id, unit_id, officer_id, procedure_code, status, received_at, receipt_date, due_at, original_due_at, due_soon_at, " +
        "paused, rescheduled, apology_late, supplement_requests, finished_at, outcome, version";

    public const string AlertColumns =
        "id, kind, dedup_key, dossier_id, unit_id, officer_id, recipients, created_at, due_at, state, acknowledged_at, resolved_at, repeats";

    public const string EventColumns = "event_id, dossier_id, type, at, payload::text, ingested_at";

    public static DossierRecord ReadDossier(NpgsqlDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        NullableString(r, 2),
        r.GetString(3),
        r.GetString(4),
        r.GetFieldValue<DateTimeOffset>(5),
        r.GetFieldValue<DateOnly>(6),
        NullableInstant(r, 7),
        NullableInstant(r, 8),
        NullableInstant(r, 9),
        r.GetBoolean(10),
        r.GetBoolean(11),
        r.GetBoolean(12),
        r.GetInt32(13),
        NullableInstant(r, 14),
        NullableString(r, 15),
        r.GetInt64(16));

    public static AlertRecord ReadAlert(NpgsqlDataReader r, int o) => new(
        r.GetString(o),
        r.GetString(o + 1),
        r.GetString(o + 2),
        NullableString(r, o + 3),
        r.GetString(o + 4),
        NullableString(r, o + 5),
        r.GetFieldValue<string[]>(o + 6),
        r.GetFieldValue<DateTimeOffset>(o + 7),
        NullableInstant(r, o + 8),
        r.GetString(o + 9),
        NullableInstant(r, o + 10),
        NullableInstant(r, o + 11),
        r.GetInt32(o + 12));

    public static StoredEvent ReadEvent(NpgsqlDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        r.GetFieldValue<DateTimeOffset>(3),
        r.GetString(4),
        r.GetFieldValue<DateTimeOffset>(5));

    public static string? NullableString(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    public static DateTimeOffset? NullableInstant(NpgsqlDataReader r, int ordinal) =>
        r.IsDBNull(ordinal) ? null : r.GetFieldValue<DateTimeOffset>(ordinal);

    public static async Task<List<T>> ReadAllAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(read(reader));
        }

        return list;
    }
}
