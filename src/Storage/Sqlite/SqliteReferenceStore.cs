using Microsoft.Data.Sqlite;
using SlaGrid.Grains.Persistence;

namespace SlaGrid.Storage.Sqlite;

/// <summary>Units, officers, procedures and the calendar on SQLite; each upsert is one transaction.</summary>
internal sealed class SqliteReferenceStore(SqliteDatabase db) : IReferenceStore
{
    public Task UpsertUnitsAsync(IReadOnlyList<UnitRecord> units, CancellationToken cancellationToken)
    {
        RecordValidation.Units(units);
        return db.WriteAsync(
            tx =>
            {
                foreach (var u in units)
                {
                    db.Statement(
                            tx,
                            "INSERT INTO units (id, name, parent_id, level, leaders) VALUES (@id, @name, @parent, @level, @leaders) " +
                            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id, level = excluded.level, leaders = excluded.leaders")
                        .Bind("@id", u.Id)
                        .Bind("@name", u.Name)
                        .Bind("@parent", u.ParentId)
                        .Bind("@level", u.Level)
                        .BindList("@leaders", u.Leaders)
                        .ExecuteNonQuery();
                }
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<UnitRecord>> GetUnitsAsync(CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT id, name, parent_id, level, leaders FROM units ORDER BY id",
            r => new UnitRecord(r.GetString(0), r.GetString(1), SqliteRows.NullableString(r, 2), r.GetString(3), JsonText.ToList(r.GetString(4))),
            cancellationToken);

    public Task UpsertOfficersAsync(IReadOnlyList<OfficerRecord> officers, CancellationToken cancellationToken)
    {
        RecordValidation.Officers(officers);
        return db.WriteAsync(
            tx =>
            {
                foreach (var o in officers)
                {
                    db.Statement(
                            tx,
                            "INSERT INTO officers (id, name, unit_id) VALUES (@id, @name, @unit) " +
                            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, unit_id = excluded.unit_id")
                        .Bind("@id", o.Id)
                        .Bind("@name", o.Name)
                        .Bind("@unit", o.UnitId)
                        .ExecuteNonQuery();
                }
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<OfficerRecord>> GetOfficersAsync(CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT id, name, unit_id FROM officers ORDER BY id",
            r => new OfficerRecord(r.GetString(0), r.GetString(1), r.GetString(2)),
            cancellationToken);

    public Task UpsertProceduresAsync(IReadOnlyList<ProcedureRecord> procedures, CancellationToken cancellationToken)
    {
        RecordValidation.Procedures(procedures);
        return db.WriteAsync(
            tx =>
            {
                foreach (var p in procedures)
                {
                    db.Statement(
                            tx,
                            "INSERT INTO procedures (code, name, limit_value, limit_unit, fees_pause_clock) VALUES (@code, @name, @value, @unit, @fees) " +
                            "ON CONFLICT (code) DO UPDATE SET name = excluded.name, limit_value = excluded.limit_value, " +
                            "limit_unit = excluded.limit_unit, fees_pause_clock = excluded.fees_pause_clock")
                        .Bind("@code", p.Code)
                        .Bind("@name", p.Name)
                        .Bind("@value", p.LimitValue)
                        .Bind("@unit", p.LimitUnit)
                        .BindBool("@fees", p.FeesPauseClock)
                        .ExecuteNonQuery();
                }
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ProcedureRecord>> GetProceduresAsync(CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT code, name, limit_value, limit_unit, fees_pause_clock FROM procedures ORDER BY code",
            r => new ProcedureRecord(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetInt64(4) != 0),
            cancellationToken);

    public Task UpsertCalendarAsync(IReadOnlyList<CalendarDayRecord> days, IReadOnlyList<OfficePeriodRecord>? officeHours, CancellationToken cancellationToken)
    {
        RecordValidation.Calendar(days, officeHours);
        return db.WriteAsync(
            tx =>
            {
                foreach (var d in days)
                {
                    db.Statement(
                            tx,
                            "INSERT INTO calendar_days (day, working, note) VALUES (@day, @working, @note) " +
                            "ON CONFLICT (day) DO UPDATE SET working = excluded.working, note = excluded.note")
                        .Bind("@day", Timestamps.ToDateText(d.Date))
                        .BindBool("@working", d.Working)
                        .Bind("@note", d.Note)
                        .ExecuteNonQuery();
                }

                if (officeHours is not null)
                {
                    db.Statement(tx, "INSERT INTO settings (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                        .Bind("@key", JsonText.OfficeHoursKey)
                        .Bind("@value", JsonText.FromOfficeHours(officeHours))
                        .ExecuteNonQuery();
                }
            },
            cancellationToken);
    }

    public Task<CalendarRecord> GetCalendarAsync(CancellationToken cancellationToken) =>
        db.ReadAsync(
            c =>
            {
                using var days = SqliteRows.Create(c, "SELECT day, working, note FROM calendar_days ORDER BY day");
                var list = SqliteRows.ReadAll(days, r => new CalendarDayRecord(Timestamps.FromDateText(r.GetString(0)), r.GetInt64(1) != 0, SqliteRows.NullableString(r, 2)));
                using var hours = SqliteRows.Create(c, "SELECT value FROM settings WHERE key = @key").Bind("@key", JsonText.OfficeHoursKey);
                var json = hours.ExecuteScalar() as string;
                return new CalendarRecord(list, json is null ? null : JsonText.ToOfficeHours(json));
            },
            cancellationToken);

    private Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<T>>(
            c =>
            {
                using var cmd = SqliteRows.Create(c, sql);
                return SqliteRows.ReadAll(cmd, read);
            },
            cancellationToken);
}
