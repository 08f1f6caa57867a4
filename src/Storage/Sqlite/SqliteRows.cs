using Microsoft.Data.Sqlite;
using SlaGrid.Grains.Persistence;

namespace SlaGrid.Storage.Sqlite;

/// <summary>Column lists, parameter binding and row readers shared by the SQLite stores.</summary>
internal static class SqliteRows
{
    public const string DossierColumns =
        "id, unit_id, officer_id, procedure_code, status, received_at, receipt_date, due_at, original_due_at, due_soon_at, " +
        "paused, rescheduled, apology_late, supplement_requests, finished_at, outcome, version";

    public const string AlertColumns =
        "id, kind, dedup_key, dossier_id, unit_id, officer_id, recipients, created_at, due_at, state, acknowledged_at, resolved_at, repeats";

    public const string EventColumns = "event_id, dossier_id, type, at, payload, ingested_at";

    /// <summary>Adds a parameter; null becomes SQL NULL.</summary>
    public static SqliteCommand Bind(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static SqliteCommand BindInstant(this SqliteCommand command, string name, DateTimeOffset? value) =>
        command.Bind(name, Timestamps.ToUnixMicroseconds(value));

    public static SqliteCommand BindBool(this SqliteCommand command, string name, bool value) => command.Bind(name, value ? 1L : 0L);

    public static SqliteCommand BindList(this SqliteCommand command, string name, IEnumerable<string> values) =>
        command.Bind(name, JsonText.FromList(values.ToList()));

    public static SqliteCommand Create(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    public static List<T> ReadAll<T>(SqliteCommand command, Func<SqliteDataReader, T> read)
    {
        var list = new List<T>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            list.Add(read(reader));
        }

        return list;
    }

    public static DossierRecord ReadDossier(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        NullableString(r, 2),
        r.GetString(3),
        r.GetString(4),
        Instant(r, 5),
        Timestamps.FromDateText(r.GetString(6)),
        NullableInstant(r, 7),
        NullableInstant(r, 8),
        NullableInstant(r, 9),
        r.GetInt64(10) != 0,
        r.GetInt64(11) != 0,
        r.GetInt64(12) != 0,
        r.GetInt32(13),
        NullableInstant(r, 14),
        NullableString(r, 15),
        r.GetInt64(16));

    public static AlertRecord ReadAlert(SqliteDataReader r, int o) => new(
        r.GetString(o),
        r.GetString(o + 1),
        r.GetString(o + 2),
        NullableString(r, o + 3),
        r.GetString(o + 4),
        NullableString(r, o + 5),
        JsonText.ToList(r.GetString(o + 6)),
        Instant(r, o + 7),
        NullableInstant(r, o + 8),
        r.GetString(o + 9),
        NullableInstant(r, o + 10),
        NullableInstant(r, o + 11),
        r.GetInt32(o + 12));

    public static StoredEvent ReadEvent(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        Instant(r, 3),
        r.GetString(4),
        Instant(r, 5));

    public static DateTimeOffset Instant(SqliteDataReader r, int ordinal) => Timestamps.FromUnixMicroseconds(r.GetInt64(ordinal));

    public static DateTimeOffset? NullableInstant(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : Instant(r, ordinal);

    public static string? NullableString(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
