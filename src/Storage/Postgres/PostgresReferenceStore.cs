using Npgsql;
using SlaGrid.Grains.Persistence;
using static SlaGrid.Storage.Postgres.PostgresParameters;

namespace SlaGrid.Storage.Postgres;

/// <summary>Units, officers, procedures and the calendar on PostgreSQL; each upsert is one transaction (one batch).</summary>
internal sealed class PostgresReferenceStore(PostgresExecutor db) : IReferenceStore
{
    public Task UpsertUnitsAsync(IReadOnlyList<UnitRecord> units, CancellationToken cancellationToken)
    {
        RecordValidation.Units(units);
        return UpsertAsync(
            units,
            u => BatchCommand(
                "INSERT INTO units (id, name, parent_id, level, leaders) VALUES ($1, $2, $3, $4, $5) " +
                "ON CONFLICT (id) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id, level = excluded.level, leaders = excluded.leaders",
                Text(u.Id),
                Text(u.Name),
                Text(u.ParentId),
                Text(u.Level),
                TextArray(u.Leaders.ToArray())),
            cancellationToken);
    }

    public Task<IReadOnlyList<UnitRecord>> GetUnitsAsync(CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT id, name, parent_id, level, leaders FROM units ORDER BY id",
            r => new UnitRecord(r.GetString(0), r.GetString(1), PostgresRows.NullableString(r, 2), r.GetString(3), r.GetFieldValue<string[]>(4)),
            cancellationToken);

    public Task UpsertOfficersAsync(IReadOnlyList<OfficerRecord> officers, CancellationToken cancellationToken)
    {
        RecordValidation.Officers(officers);
        return UpsertAsync(
            officers,
            o => BatchCommand(
                "INSERT INTO officers (id, name, unit_id) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET name = excluded.name, unit_id = excluded.unit_id",
                Text(o.Id),
                Text(o.Name),
                Text(o.UnitId)),
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
        return UpsertAsync(
            procedures,
            p => BatchCommand(
                "INSERT INTO procedures (code, name, limit_value, limit_unit, fees_pause_clock) VALUES ($1, $2, $3, $4, $5) " +
                "ON CONFLICT (code) DO UPDATE SET name = excluded.name, limit_value = excluded.limit_value, limit_unit = excluded.limit_unit, fees_pause_clock = excluded.fees_pause_clock",
                Text(p.Code),
                Text(p.Name),
                Integer(p.LimitValue),
                Text(p.LimitUnit),
                Boolean(p.FeesPauseClock)),
            cancellationToken);
    }

    public Task<IReadOnlyList<ProcedureRecord>> GetProceduresAsync(CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT code, name, limit_value, limit_unit, fees_pause_clock FROM procedures ORDER BY code",
            r => new ProcedureRecord(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetBoolean(4)),
            cancellationToken);

    public Task UpsertCalendarAsync(IReadOnlyList<CalendarDayRecord> days, IReadOnlyList<OfficePeriodRecord>? officeHours, CancellationToken cancellationToken)
    {
        RecordValidation.Calendar(days, officeHours);
        return db.InTransactionAsync(
            async (c, tx, ct) =>
            {
                await using var batch = new NpgsqlBatch(c, tx);
                foreach (var d in days)
                {
                    batch.BatchCommands.Add(BatchCommand(
                        "INSERT INTO calendar_days (day, working, note) VALUES ($1, $2, $3) ON CONFLICT (day) DO UPDATE SET working = excluded.working, note = excluded.note",
                        Date(d.Date),
                        Boolean(d.Working),
                        Text(d.Note)));
                }

                if (officeHours is not null)
                {
                    batch.BatchCommands.Add(BatchCommand(
                        "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        Text(JsonText.OfficeHoursKey),
                        Jsonb(JsonText.FromOfficeHours(officeHours))));
                }

                if (batch.BatchCommands.Count > 0)
                {
                    await batch.ExecuteNonQueryAsync(ct);
                }
            },
            cancellationToken);
    }

    public Task<CalendarRecord> GetCalendarAsync(CancellationToken cancellationToken) =>
        db.RunAsync(
            async (c, ct) =>
            {
                await using var days = Command(c, null, "SELECT day, working, note FROM calendar_days ORDER BY day");
                var list = await PostgresRows.ReadAllAsync(
                    days,
                    r => new CalendarDayRecord(r.GetFieldValue<DateOnly>(0), r.GetBoolean(1), PostgresRows.NullableString(r, 2)),
                    ct);
                await using var hours = Command(c, null, "SELECT value::text FROM settings WHERE key = $1", Text(JsonText.OfficeHoursKey));
                var json = await hours.ExecuteScalarAsync(ct) as string;
                return new CalendarRecord(list, json is null ? null : JsonText.ToOfficeHours(json));
            },
            cancellationToken);

    private Task UpsertAsync<T>(IReadOnlyList<T> items, Func<T, NpgsqlBatchCommand> command, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return Task.CompletedTask;
        }

        return db.InTransactionAsync(
            async (c, tx, ct) =>
            {
                await using var batch = new NpgsqlBatch(c, tx);
                foreach (var item in items)
                {
                    batch.BatchCommands.Add(command(item));
                }

                await batch.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
    }

    private Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken) =>
        db.RunAsync<IReadOnlyList<T>>(
            async (c, ct) =>
            {
                await using var cmd = Command(c, null, sql);
                return await PostgresRows.ReadAllAsync(cmd, read, ct);
            },
            cancellationToken);
}
