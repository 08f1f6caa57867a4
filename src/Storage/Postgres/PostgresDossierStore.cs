using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Npgsql;
using SlaGrid.Grains.Persistence;
using SlaGrid.Runtime.Storage;
using static SlaGrid.Storage.Postgres.PostgresParameters;

namespace SlaGrid.Storage.Postgres;

/// <summary>
/// The event log and dossier state on PostgreSQL. A commit group is one transaction and one round trip of
/// set-based statements (arrays through <c>unnest</c>): events, dossiers, deadlines, then alert changes.
/// </summary>
internal sealed class PostgresDossierStore(PostgresExecutor db) : IDossierStore
{
    private const string InsertedEvent = "inserted_event_id";
    private const string UpsertedDossier = "upserted_dossier_id";

    private const string InsertEventsSql =
        "INSERT INTO dossier_events (event_id, dossier_id, type, at, payload, ingested_at) " +
        "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::jsonb[], $6::timestamptz[]) " +
        "ON CONFLICT (event_id) DO NOTHING RETURNING event_id AS " + InsertedEvent;

    // Inserts absent dossiers and updates those whose stored version is the expected one (the new version minus
    // $18, the number of changes the group makes to that dossier); returns the ids it wrote. A row present with
    // another version is left alone, and reported by its absence. One arbiter-index probe per row, no join.
    private const string UpsertDossiersSql =
        "INSERT INTO dossiers AS d (" + PostgresRows.DossierColumns + ") SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], " +
        "$5::text[], $6::timestamptz[], $7::date[], $8::timestamptz[], $9::timestamptz[], $10::timestamptz[], $11::boolean[], $12::boolean[], " +
        "$13::boolean[], $14::integer[], $15::timestamptz[], $16::text[], $17::bigint[]) " +
        "ON CONFLICT (id) DO UPDATE SET unit_id = excluded.unit_id, officer_id = excluded.officer_id, procedure_code = excluded.procedure_code, " +
        "status = excluded.status, received_at = excluded.received_at, receipt_date = excluded.receipt_date, due_at = excluded.due_at, " +
        "original_due_at = excluded.original_due_at, due_soon_at = excluded.due_soon_at, paused = excluded.paused, rescheduled = excluded.rescheduled, " +
        "apology_late = excluded.apology_late, supplement_requests = excluded.supplement_requests, finished_at = excluded.finished_at, " +
        "outcome = excluded.outcome, version = excluded.version " +
        "WHERE d.version = excluded.version - $18 RETURNING id AS " + UpsertedDossier;

    private const string DeleteDeadlinesSql =
        "DELETE FROM deadlines d USING unnest($1::text[], $2::text[], $3::text[]) AS u(grain_type, grain_key, name) " +
        "WHERE d.grain_type = u.grain_type AND d.grain_key = u.grain_key AND d.name = u.name";

    private const string UpsertDeadlinesSql =
        "INSERT INTO deadlines (grain_type, grain_key, name, due_at) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) " +
        "ON CONFLICT (grain_type, grain_key, name) DO UPDATE SET due_at = excluded.due_at WHERE deadlines.due_at <> excluded.due_at";

    public Task CommitAsync(IReadOnlyList<DossierCommit> commits, CancellationToken cancellationToken)
    {
        var plan = CommitPlan.Build(commits);
        if (plan.Events.Count == 0 && plan.Dossiers.Count == 0 && plan.DeadlineUpserts.Count == 0 && plan.DeadlineDeletes.Count == 0 && plan.Alerts.Count == 0)
        {
            return Task.CompletedTask;
        }

        return db.InTransactionAsync(
            async (c, tx, ct) =>
            {
                await using var batch = new NpgsqlBatch(c, tx);
                AddStatements(batch, plan);
                var insertedEvents = new HashSet<string>(StringComparer.Ordinal);
                var upsertedDossiers = new HashSet<string>(StringComparer.Ordinal);
                await using (var r = await batch.ExecuteReaderAsync(ct))
                {
                    do
                    {
                        var target = r.FieldCount == 1 ? r.GetName(0) switch
                        {
                            InsertedEvent => insertedEvents,
                            UpsertedDossier => upsertedDossiers,
                            _ => null,
                        } : null;
                        while (await r.ReadAsync(ct))
                        {
                            target?.Add(r.GetString(0));
                        }
                    }
                    while (await r.NextResultAsync(ct));
                }

                if (insertedEvents.Count != plan.Events.Count)
                {
                    var duplicate = plan.Events.First(e => !insertedEvents.Contains(e.EventId));
                    throw CommitPlan.Duplicate(duplicate.EventId);
                }

                if (upsertedDossiers.Count != plan.Dossiers.Count)
                {
                    var stale = plan.Dossiers.First(d => !upsertedDossiers.Contains(d.Dossier.Id));
                    await using var cmd = Command(c, tx, "SELECT version FROM dossiers WHERE id = $1", Text(stale.Dossier.Id));
                    var stored = await cmd.ExecuteScalarAsync(ct);
                    throw new InconsistentStateException(
                        "dossier",
                        stale.Dossier.Id,
                        stale.PreviousVersion.ToString(CultureInfo.InvariantCulture),
                        stored is long v ? v.ToString(CultureInfo.InvariantCulture) : null);
                }
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<StoredEvent>> GetEventsAsync(string dossierId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossierId);
        return db.RunAsync<IReadOnlyList<StoredEvent>>(
            async (c, ct) =>
            {
                await using var cmd = Command(
                    c,
                    null,
                    $"SELECT {PostgresRows.EventColumns} FROM dossier_events WHERE dossier_id = $1 ORDER BY at, seq",
                    Text(dossierId));
                return await PostgresRows.ReadAllAsync(cmd, PostgresRows.ReadEvent, ct);
            },
            cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, string>> FindEventsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        if (eventIds.Count == 0)
        {
            return Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>(StringComparer.Ordinal));
        }

        return db.RunAsync<IReadOnlyDictionary<string, string>>(
            async (c, ct) =>
            {
                await using var cmd = Command(c, null, "SELECT event_id, dossier_id FROM dossier_events WHERE event_id = ANY($1)", TextArray(eventIds.ToArray()));
                var found = new Dictionary<string, string>(StringComparer.Ordinal);
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct))
                {
                    found[r.GetString(0)] = r.GetString(1);
                }

                return found;
            },
            cancellationToken);
    }

    public Task<DossierRecord?> GetDossierAsync(string dossierId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossierId);
        return db.RunAsync(
            async (c, ct) =>
            {
                await using var cmd = Command(c, null, $"SELECT {PostgresRows.DossierColumns} FROM dossiers WHERE id = $1", Text(dossierId));
                await using var r = await cmd.ExecuteReaderAsync(ct);
                return await r.ReadAsync(ct) ? PostgresRows.ReadDossier(r) : null;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<DossierRecord>> GetOpenDossiersAsync(IReadOnlyCollection<string> unitIds, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (unitIds.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<DossierRecord>>([]);
        }

        return db.RunAsync<IReadOnlyList<DossierRecord>>(
            async (c, ct) =>
            {
                await using var cmd = Command(
                    c,
                    null,
                    $"SELECT {PostgresRows.DossierColumns} FROM dossiers WHERE finished_at IS NULL AND unit_id = ANY($1) " +
                    "ORDER BY due_at ASC NULLS LAST, id LIMIT $2",
                    TextArray(unitIds.ToArray()),
                    Integer(limit));
                return await PostgresRows.ReadAllAsync(cmd, PostgresRows.ReadDossier, ct);
            },
            cancellationToken);
    }

    public async IAsyncEnumerable<DossierRecord> StreamDossiersAsync(bool openOnly, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        NpgsqlConnection connection;
        try
        {
            connection = await db.DataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (TransientErrors.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw TransientErrors.ToUnavailable(PostgresExecutor.Provider, ex);
        }

        await using (connection)
        {
            await using var cmd = Command(
                connection,
                null,
                $"SELECT {PostgresRows.DossierColumns} FROM dossiers" + (openOnly ? " WHERE finished_at IS NULL" : string.Empty));
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (true)
            {
                DossierRecord record;
                try
                {
                    if (!await reader.ReadAsync(cancellationToken))
                    {
                        yield break;
                    }

                    record = PostgresRows.ReadDossier(reader);
                }
                catch (Exception ex) when (TransientErrors.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
                {
                    throw TransientErrors.ToUnavailable(PostgresExecutor.Provider, ex);
                }

                yield return record;
            }
        }
    }

    public Task<DossierCounts> CountAsync(DossierCountQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.UnitIds is { Count: 0 })
        {
            return Task.FromResult(new DossierCounts(0, 0, 0, 0, 0, 0, 0, 0));
        }

        var parameters = new List<NpgsqlParameter> { TimestampTz(query.Now) };
        var sql = new StringBuilder(
            "SELECT count(*), " +
            "count(*) FILTER (WHERE finished_at IS NULL), " +
            "count(*) FILTER (WHERE finished_at IS NULL AND NOT paused AND due_at < $1), " +
            "count(*) FILTER (WHERE finished_at IS NULL AND NOT paused AND (due_at IS NULL OR due_at >= $1) AND due_soon_at <= $1), " +
            "count(*) FILTER (WHERE finished_at IS NULL AND paused), " +
            "count(*) FILTER (WHERE finished_at IS NOT NULL AND outcome = 'early'), " +
            "count(*) FILTER (WHERE finished_at IS NOT NULL AND outcome = 'on_time'), " +
            "count(*) FILTER (WHERE finished_at IS NOT NULL AND outcome = 'late') " +
            "FROM dossiers WHERE true");
        if (query.UnitIds is { } units)
        {
            parameters.Add(TextArray(units.ToArray()));
            sql.Append(" AND unit_id = ANY($").Append(parameters.Count).Append(')');
        }

        if (query.OfficerId is { } officer)
        {
            parameters.Add(Text(officer));
            sql.Append(" AND officer_id = $").Append(parameters.Count);
        }

        if (query.From is { } from)
        {
            parameters.Add(Date(from));
            sql.Append(" AND receipt_date >= $").Append(parameters.Count);
        }

        if (query.To is { } to)
        {
            parameters.Add(Date(to));
            sql.Append(" AND receipt_date <= $").Append(parameters.Count);
        }

        return db.RunAsync(
            async (c, ct) =>
            {
                await using var cmd = Command(c, null, sql.ToString(), [.. parameters]);
                await using var r = await cmd.ExecuteReaderAsync(ct);
                await r.ReadAsync(ct);
                return new DossierCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7));
            },
            cancellationToken);
    }

    public Task<long> CountEventsAsync(CancellationToken cancellationToken) =>
        db.RunAsync(
            async (c, ct) =>
            {
                await using var cmd = Command(c, null, "SELECT count(*) FROM dossier_events");
                return (long)(await cmd.ExecuteScalarAsync(ct))!;
            },
            cancellationToken);

    private static void AddStatements(NpgsqlBatch batch, CommitPlan plan)
    {
        if (plan.Alerts.Count > 0)
        {
            // Taken first and held to commit: outbox sequences are then handed out in commit order.
            batch.BatchCommands.Add(PostgresAlertSql.LockOutbox());
        }

        if (plan.Events.Count > 0)
        {
            var events = plan.Events;
            var n = events.Count;
            var ids = new string?[n];
            var dossierIds = new string?[n];
            var types = new string?[n];
            var ats = new DateTime[n];
            var payloads = new string[n];
            var ingested = new DateTime[n];
            for (var i = 0; i < n; i++)
            {
                var e = events[i];
                ids[i] = e.EventId;
                dossierIds[i] = e.DossierId;
                types[i] = e.Type;
                ats[i] = Timestamps.ToUtcDateTime(e.At);
                payloads[i] = e.Payload;
                ingested[i] = Timestamps.ToUtcDateTime(e.IngestedAt);
            }

            batch.BatchCommands.Add(BatchCommand(
                InsertEventsSql,
                TextArray(ids),
                TextArray(dossierIds),
                TextArray(types),
                TimestampTzArray(ats),
                JsonbArray(payloads),
                TimestampTzArray(ingested)));
        }

        // Nearly always one statement: each dossier changes once per group (step 1).
        foreach (var step in plan.Dossiers.GroupBy(d => d.Dossier.Version - d.PreviousVersion))
        {
            batch.BatchCommands.Add(DossierUpsert([.. step], step.Key));
        }

        if (plan.DeadlineDeletes.Count > 0)
        {
            var deletes = plan.DeadlineDeletes;
            batch.BatchCommands.Add(BatchCommand(
                DeleteDeadlinesSql,
                TextArray(deletes.ConvertAll(d => (string?)d.GrainType).ToArray()),
                TextArray(deletes.ConvertAll(d => (string?)d.GrainKey).ToArray()),
                TextArray(deletes.ConvertAll(d => (string?)d.Name).ToArray())));
        }

        if (plan.DeadlineUpserts.Count > 0)
        {
            var upserts = plan.DeadlineUpserts;
            batch.BatchCommands.Add(BatchCommand(
                UpsertDeadlinesSql,
                TextArray(upserts.ConvertAll(d => (string?)d.GrainType).ToArray()),
                TextArray(upserts.ConvertAll(d => (string?)d.GrainKey).ToArray()),
                TextArray(upserts.ConvertAll(d => (string?)d.Name).ToArray()),
                TimestampTzArray(upserts.ConvertAll(d => Timestamps.ToUtcDateTime(d.DueAt)).ToArray())));
        }

        foreach (var change in plan.Alerts)
        {
            batch.BatchCommands.Add(PostgresAlertSql.Change(change));
        }
    }

    private static NpgsqlBatchCommand DossierUpsert(List<CommitPlan.PlannedDossier> dossiers, long step)
    {
        var n = dossiers.Count;
        var id = new string?[n];
        var unit = new string?[n];
        var officer = new string?[n];
        var procedure = new string?[n];
        var status = new string?[n];
        var receivedAt = new DateTime?[n];
        var receiptDate = new DateOnly[n];
        var dueAt = new DateTime?[n];
        var originalDueAt = new DateTime?[n];
        var dueSoonAt = new DateTime?[n];
        var paused = new bool[n];
        var rescheduled = new bool[n];
        var apologyLate = new bool[n];
        var supplements = new int[n];
        var finishedAt = new DateTime?[n];
        var outcome = new string?[n];
        var version = new long[n];
        for (var i = 0; i < n; i++)
        {
            var d = dossiers[i].Dossier;
            id[i] = d.Id;
            unit[i] = d.UnitId;
            officer[i] = d.OfficerId;
            procedure[i] = d.ProcedureCode;
            status[i] = d.Status;
            receivedAt[i] = Timestamps.ToUtcDateTime(d.ReceivedAt);
            receiptDate[i] = d.ReceiptDate;
            dueAt[i] = Timestamps.ToUtcDateTime(d.DueAt);
            originalDueAt[i] = Timestamps.ToUtcDateTime(d.OriginalDueAt);
            dueSoonAt[i] = Timestamps.ToUtcDateTime(d.DueSoonAt);
            paused[i] = d.Paused;
            rescheduled[i] = d.Rescheduled;
            apologyLate[i] = d.ApologyLate;
            supplements[i] = d.SupplementRequests;
            finishedAt[i] = Timestamps.ToUtcDateTime(d.FinishedAt);
            outcome[i] = d.Outcome;
            version[i] = d.Version;
        }

        return BatchCommand(
            UpsertDossiersSql,
            TextArray(id),
            TextArray(unit),
            TextArray(officer),
            TextArray(procedure),
            TextArray(status),
            TimestampTzArray(receivedAt),
            DateArray(receiptDate),
            TimestampTzArray(dueAt),
            TimestampTzArray(originalDueAt),
            TimestampTzArray(dueSoonAt),
            BooleanArray(paused),
            BooleanArray(rescheduled),
            BooleanArray(apologyLate),
            IntegerArray(supplements),
            TimestampTzArray(finishedAt),
            TextArray(outcome),
            BigintArray(version),
            Bigint(step));
    }
}
