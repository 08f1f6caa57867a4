-- SlaGrid schema, version 1 (SQLite). STRICT tables; instants are INTEGER microseconds since the Unix epoch
-- (UTC), dates are TEXT 'yyyy-MM-dd', booleans INTEGER 0/1, lists TEXT JSON arrays. Text compares with the
-- BINARY collation (byte order), like the "C" collation used on PostgreSQL.

CREATE TABLE units (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    parent_id  TEXT,
    level      TEXT NOT NULL,
    leaders    TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX units_parent_id ON units (parent_id);

CREATE TABLE officers (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    unit_id  TEXT NOT NULL
) STRICT;
CREATE INDEX officers_unit_id ON officers (unit_id);

CREATE TABLE procedures (
    code              TEXT PRIMARY KEY,
    name              TEXT NOT NULL,
    limit_value       INTEGER NOT NULL CHECK (limit_value >= 0),
    limit_unit        TEXT NOT NULL CHECK (limit_unit IN ('working_days', 'days', 'working_hours')),
    fees_pause_clock  INTEGER NOT NULL
) STRICT;

CREATE TABLE calendar_days (
    day      TEXT PRIMARY KEY,
    working  INTEGER NOT NULL,
    note     TEXT
) STRICT;

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT;

CREATE TABLE dossiers (
    id                   TEXT PRIMARY KEY,
    unit_id              TEXT NOT NULL,
    officer_id           TEXT,
    procedure_code       TEXT NOT NULL,
    status               TEXT NOT NULL,
    received_at          INTEGER NOT NULL,
    receipt_date         TEXT NOT NULL,
    due_at               INTEGER,
    original_due_at      INTEGER,
    due_soon_at          INTEGER,
    paused               INTEGER NOT NULL,
    rescheduled          INTEGER NOT NULL,
    apology_late         INTEGER NOT NULL,
    supplement_requests  INTEGER NOT NULL,
    finished_at          INTEGER,
    outcome              TEXT CHECK (outcome IN ('early', 'on_time', 'late')),
    version              INTEGER NOT NULL
) STRICT;
CREATE INDEX dossiers_unit_id_receipt_date ON dossiers (unit_id, receipt_date);
CREATE INDEX dossiers_officer_id_receipt_date ON dossiers (officer_id, receipt_date) WHERE officer_id IS NOT NULL;
CREATE INDEX dossiers_open_due_at ON dossiers (due_at) WHERE finished_at IS NULL;
CREATE INDEX dossiers_receipt_date ON dossiers (receipt_date);

-- The append-only event log; the implicit rowid is the ingestion order.
CREATE TABLE dossier_events (
    event_id     TEXT PRIMARY KEY,
    dossier_id   TEXT NOT NULL,
    type         TEXT NOT NULL,
    at           INTEGER NOT NULL,
    payload      TEXT NOT NULL,
    ingested_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX dossier_events_dossier_id_at ON dossier_events (dossier_id, at);

CREATE TABLE deadlines (
    grain_type  TEXT NOT NULL,
    grain_key   TEXT NOT NULL,
    name        TEXT NOT NULL,
    due_at      INTEGER NOT NULL,
    PRIMARY KEY (grain_type, grain_key, name)
) STRICT, WITHOUT ROWID;
CREATE INDEX deadlines_due ON deadlines (due_at, grain_type, grain_key, name);

CREATE TABLE grain_state (
    grain_type  TEXT NOT NULL,
    grain_key   TEXT NOT NULL,
    data        TEXT NOT NULL,
    etag        TEXT NOT NULL,
    PRIMARY KEY (grain_type, grain_key)
) STRICT, WITHOUT ROWID;

CREATE TABLE alerts (
    id               TEXT PRIMARY KEY,
    kind             TEXT NOT NULL,
    dedup_key        TEXT NOT NULL,
    dossier_id       TEXT,
    unit_id          TEXT NOT NULL,
    officer_id       TEXT,
    recipients       TEXT NOT NULL DEFAULT '[]',
    created_at       INTEGER NOT NULL,
    due_at           INTEGER,
    state            TEXT NOT NULL CHECK (state IN ('open', 'acknowledged', 'resolved')),
    acknowledged_at  INTEGER,
    resolved_at      INTEGER,
    repeats          INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE UNIQUE INDEX alerts_active_dedup_key ON alerts (dedup_key) WHERE state IN ('open', 'acknowledged');
CREATE INDEX alerts_created_at ON alerts (created_at DESC, id DESC);
CREATE INDEX alerts_unit_id_created_at ON alerts (unit_id, created_at DESC);

-- One writer at a time (SQLite), so AUTOINCREMENT order is commit order; never reused.
CREATE TABLE alert_outbox (
    sequence         INTEGER PRIMARY KEY AUTOINCREMENT,
    event            TEXT NOT NULL CHECK (event IN ('raised', 'repeated', 'acknowledged', 'resolved')),
    at               INTEGER NOT NULL,
    alert_id         TEXT NOT NULL,
    kind             TEXT NOT NULL,
    dedup_key        TEXT NOT NULL,
    dossier_id       TEXT,
    unit_id          TEXT NOT NULL,
    officer_id       TEXT,
    recipients       TEXT NOT NULL,
    created_at       INTEGER NOT NULL,
    due_at           INTEGER,
    state            TEXT NOT NULL,
    acknowledged_at  INTEGER,
    resolved_at      INTEGER,
    repeats          INTEGER NOT NULL
) STRICT;

CREATE TABLE webhooks (
    id       TEXT PRIMARY KEY,
    url      TEXT NOT NULL,
    secret   TEXT NOT NULL,
    unit_id  TEXT
) STRICT;

CREATE TABLE webhook_cursors (
    webhook_id       TEXT PRIMARY KEY REFERENCES webhooks (id) ON DELETE CASCADE,
    delivered        INTEGER NOT NULL,
    attempts         INTEGER NOT NULL,
    next_attempt_at  INTEGER,
    last_error       TEXT
) STRICT;

CREATE TABLE api_keys (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('admin', 'ingest', 'read')),
    unit_scope   TEXT,
    secret_hash  TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    revoked_at   INTEGER
) STRICT;
