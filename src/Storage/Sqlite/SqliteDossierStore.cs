using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SlaGrid.Grains.Persistence;
using SlaGrid.Runtime.Storage;

namespace SlaGrid.Storage.Sqlite;

/// <summary>
/// The event log and dossier state on SQLite. A commit group is one write transaction that applies the commits
/// in order with prepared statements (in-process, so a statement per row costs microseconds, not a round trip).
/// </summary>
internal sealed class SqliteDossierStore(SqliteDatabase db) : IDossierStore
{
    private const string InsertEventSql =
        "INSERT INTO dossier_events (event_id, dossier_id, type, at, payload, ingested_at) VALUES (@id, @dossier, @type, @at, @payload, @ingested) " +
        "ON CONFLICT (event_id) DO NOTHING";

    private const string UpdateDossierSql =
        "UPDATE dossiers SET unit_id = @unit, officer_id = @officer, procedure_code = @procedure, status = @status, received_at = @received, " +
        "receipt_date = @receipt, due_at = @due, original_due_at = @original_due, due_soon_at = @due_soon, paused = @paused, " +
        "rescheduled = @rescheduled, apology_late = @apology_late, supplement_requests = @supplements, finished_at = @finished, " +
        "outcome = @outcome, version = @version WHERE id = @id AND version = @previous";

    private const string InsertDossierSql =
        "INSERT INTO dossiers (" + SqliteRows.DossierColumns + ") VALUES (@id, @unit, @officer, @procedure, @status, @received, @receipt, " +
        "@due, @original_due, @due_soon, @paused, @rescheduled, @apology_late, @supplements, @finished, @outcome, @version) ON CONFLICT (id) DO NOTHING";

    public Task CommitAsync(IReadOnlyList<DossierCommit> commits, CancellationToken cancellationToken)
    {
        CommitPlan.Validate(commits);
        if (commits.Count == 0)
        {
            return Task.CompletedTask;
        }

        return db.WriteAsync(
            tx =>
            {
                foreach (var commit in commits)
                {
                    Apply(tx, commit);
                }
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<StoredEvent>> GetEventsAsync(string dossierId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dossierId);
        return db.ReadAsync<IReadOnlyList<StoredEvent>>(
            c =>
            {
                using var cmd = SqliteRows.Create(c, $"SELECT {SqliteRows.EventColumns} FROM dossier_events WHERE dossier_id = @dossier ORDER BY at, rowid")
                    .Bind("@dossier", dossierId);
                return SqliteRows.ReadAll(cmd, SqliteRows.ReadEvent);
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

        return db.ReadAsync<IReadOnlyDictionary<string, string>>(
            c =>
            {
                using var cmd = SqliteRows.Create(c, "SELECT event_id, dossier_id FROM dossier_events WHERE event_id IN (SELECT value FROM json_each(@ids))")
                    .BindList("@ids", eventIds);
                var found = new Dictionary<string, string>(StringComparer.Ordinal);
                using var r = cmd.ExecuteReader();
                while (r.Read())
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
        return db.ReadAsync(
            c =>
            {
                using var cmd = SqliteRows.Create(c, $"SELECT {SqliteRows.DossierColumns} FROM dossiers WHERE id = @id").Bind("@id", dossierId);
                return SqliteRows.ReadAll(cmd, SqliteRows.ReadDossier).FirstOrDefault();
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

        return db.ReadAsync<IReadOnlyList<DossierRecord>>(
            c =>
            {
                using var cmd = SqliteRows.Create(
                        c,
                        $"SELECT {SqliteRows.DossierColumns} FROM dossiers WHERE finished_at IS NULL AND unit_id IN (SELECT value FROM json_each(@units)) " +
                        "ORDER BY due_at IS NULL, due_at, id LIMIT @limit")
                    .BindList("@units", unitIds)
                    .Bind("@limit", limit);
                return SqliteRows.ReadAll(cmd, SqliteRows.ReadDossier);
            },
            cancellationToken);
    }

    public async IAsyncEnumerable<DossierRecord> StreamDossiersAsync(bool openOnly, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        SqliteConnection connection;
        SqliteCommand command;
        SqliteDataReader reader;
        try
        {
            connection = db.OpenReader();
            command = SqliteRows.Create(connection, $"SELECT {SqliteRows.DossierColumns} FROM dossiers" + (openOnly ? " WHERE finished_at IS NULL" : string.Empty));
            reader = command.ExecuteReader();
        }
        catch (Exception ex) when (TransientErrors.IsUnavailable(ex))
        {
            throw TransientErrors.ToUnavailable(SqliteDatabase.Provider, ex);
        }

        using (connection)
        using (command)
        using (reader)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                DossierRecord record;
                try
                {
                    if (!reader.Read())
                    {
                        yield break;
                    }

                    record = SqliteRows.ReadDossier(reader);
                }
                catch (Exception ex) when (TransientErrors.IsUnavailable(ex))
                {
                    throw TransientErrors.ToUnavailable(SqliteDatabase.Provider, ex);
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

        var sql = new StringBuilder(
            "SELECT count(*), " +
            "count(*) FILTER (WHERE finished_at IS NULL), " +
            "count(*) FILTER (WHERE finished_at IS NULL AND NOT paused AND due_at < @now), " +
            "count(*) FILTER (WHERE finished_at IS NULL AND NOT paused AND (due_at IS NULL OR due_at >= @now) AND due_soon_at <= @now), " +
            "count(*) FILTER (WHERE finished_at IS NULL AND paused), " +
            "count(*) FILTER (WHERE finished_at IS NOT NULL AND outcome = 'early'), " +
            "count(*) FILTER (WHERE finished_at IS NOT NULL AND outcome = 'on_time'), " +
            "count(*) FILTER (WHERE finished_at IS NOT NULL AND outcome = 'late') " +
            "FROM dossiers WHERE 1 = 1");
        if (query.UnitIds is not null)
        {
            sql.Append(" AND unit_id IN (SELECT value FROM json_each(@units))");
        }

        if (query.OfficerId is not null)
        {
            sql.Append(" AND officer_id = @officer");
        }

        if (query.From is not null)
        {
            sql.Append(" AND receipt_date >= @from");
        }

        if (query.To is not null)
        {
            sql.Append(" AND receipt_date <= @to");
        }

        return db.ReadAsync(
            c =>
            {
                using var cmd = SqliteRows.Create(c, sql.ToString()).BindInstant("@now", query.Now);
                if (query.UnitIds is { } units)
                {
                    cmd.BindList("@units", units);
                }

                if (query.OfficerId is { } officer)
                {
                    cmd.Bind("@officer", officer);
                }

                if (query.From is { } from)
                {
                    cmd.Bind("@from", Timestamps.ToDateText(from));
                }

                if (query.To is { } to)
                {
                    cmd.Bind("@to", Timestamps.ToDateText(to));
                }

                using var r = cmd.ExecuteReader();
                r.Read();
                return new DossierCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7));
            },
            cancellationToken);
    }

    public Task<long> CountEventsAsync(CancellationToken cancellationToken) =>
        db.ReadAsync(
            c =>
            {
                using var cmd = SqliteRows.Create(c, "SELECT count(*) FROM dossier_events");
                return (long)cmd.ExecuteScalar()!;
            },
            cancellationToken);

    private void Apply(SqliteTransaction tx, DossierCommit commit)
    {
        foreach (var e in commit.Events)
        {
            var inserted = db.Statement(tx, InsertEventSql)
                .Bind("@id", e.EventId)
                .Bind("@dossier", e.DossierId)
                .Bind("@type", e.Type)
                .BindInstant("@at", e.At)
                .Bind("@payload", e.Payload)
                .BindInstant("@ingested", e.IngestedAt)
                .ExecuteNonQuery();
            if (inserted != 1)
            {
                throw CommitPlan.Duplicate(e.EventId);
            }
        }

        if (commit.Dossier is { } dossier)
        {
            var previous = dossier.Version - 1;
            if (BindDossier(db.Statement(tx, UpdateDossierSql), dossier).Bind("@previous", previous).ExecuteNonQuery() != 1
                && BindDossier(db.Statement(tx, InsertDossierSql), dossier).ExecuteNonQuery() != 1)
            {
                var stored = db.Statement(tx, "SELECT version FROM dossiers WHERE id = @id").Bind("@id", dossier.Id).ExecuteScalar();
                throw new InconsistentStateException(
                    "dossier",
                    dossier.Id,
                    previous.ToString(CultureInfo.InvariantCulture),
                    stored is long v ? v.ToString(CultureInfo.InvariantCulture) : null);
            }
        }

        foreach (var (type, key, name) in commit.DeadlinesToDelete)
        {
            SqliteDeadlineStore.Delete(db, tx, type, key, name);
        }

        foreach (var deadline in commit.Deadlines)
        {
            SqliteDeadlineStore.Upsert(db, tx, deadline);
        }

        foreach (var change in commit.Alerts)
        {
            SqliteAlertOps.Apply(db, tx, change);
        }
    }

    private static SqliteCommand BindDossier(SqliteCommand cmd, DossierRecord d) =>
        cmd.Bind("@id", d.Id)
            .Bind("@unit", d.UnitId)
            .Bind("@officer", d.OfficerId)
            .Bind("@procedure", d.ProcedureCode)
            .Bind("@status", d.Status)
            .BindInstant("@received", d.ReceivedAt)
            .Bind("@receipt", Timestamps.ToDateText(d.ReceiptDate))
            .BindInstant("@due", d.DueAt)
            .BindInstant("@original_due", d.OriginalDueAt)
            .BindInstant("@due_soon", d.DueSoonAt)
            .BindBool("@paused", d.Paused)
            .BindBool("@rescheduled", d.Rescheduled)
            .BindBool("@apology_late", d.ApologyLate)
            .Bind("@supplements", d.SupplementRequests)
            .BindInstant("@finished", d.FinishedAt)
            .Bind("@outcome", d.Outcome)
            .Bind("@version", d.Version);
}
