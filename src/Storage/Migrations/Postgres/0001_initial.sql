-- SlaGrid schema, version 1 (PostgreSQL).
-- Ids and keys use the "C" collation: byte order, the same order SQLite's BINARY collation gives, and the
-- cheapest comparison for primary keys. Instants are timestamptz (UTC, microseconds).

CREATE TABLE units (
    id         text COLLATE "C" PRIMARY KEY,
    name       text NOT NULL,
    parent_id  text COLLATE "C",
    level      text NOT NULL,
    leaders    text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX units_parent_id ON units (parent_id);

CREATE TABLE officers (
    id       text COLLATE "C" PRIMARY KEY,
    name     text NOT NULL,
    unit_id  text COLLATE "C" NOT NULL
);
CREATE INDEX officers_unit_id ON officers (unit_id);

CREATE TABLE procedures (
    code              text COLLATE "C" PRIMARY KEY,
    name              text NOT NULL,
    limit_value       integer NOT NULL CHECK (limit_value >= 0),
    limit_unit        text NOT NULL CHECK (limit_unit IN ('working_days', 'days', 'working_hours')),
    fees_pause_clock  boolean NOT NULL
);

-- Calendar exceptions: holidays (working = false) and make-up working days (working = true).
CREATE TABLE calendar_days (
    day      date PRIMARY KEY,
    working  boolean NOT NULL,
    note     text
);

-- Small named settings, e.g. 'office_hours' = [{"start":"08:00:00","end":"12:00:00"}, ...].
CREATE TABLE settings (
    key    text COLLATE "C" PRIMARY KEY,
    value  jsonb NOT NULL
);

-- A dossier's current state (DossierRecord), derived from its events.
CREATE TABLE dossiers (
    id                   text COLLATE "C" PRIMARY KEY,
    unit_id              text COLLATE "C" NOT NULL,
    officer_id           text COLLATE "C",
    procedure_code       text COLLATE "C" NOT NULL,
    status               text NOT NULL,
    received_at          timestamptz NOT NULL,
    receipt_date         date NOT NULL,
    due_at               timestamptz,
    original_due_at      timestamptz,
    due_soon_at          timestamptz,
    paused               boolean NOT NULL,
    rescheduled          boolean NOT NULL,
    apology_late         boolean NOT NULL,
    supplement_requests  integer NOT NULL,
    finished_at          timestamptz,
    outcome              text CHECK (outcome IN ('early', 'on_time', 'late')),
    version              bigint NOT NULL
);
-- (unit_id, receipt_date) serves "by unit" and "by unit over a period"; likewise for officers.
CREATE INDEX dossiers_unit_id_receipt_date ON dossiers (unit_id, receipt_date);
CREATE INDEX dossiers_officer_id_receipt_date ON dossiers (officer_id, receipt_date) WHERE officer_id IS NOT NULL;
CREATE INDEX dossiers_open_due_at ON dossiers (due_at) WHERE finished_at IS NULL;
CREATE INDEX dossiers_receipt_date ON dossiers (receipt_date);

-- The append-only event log. seq is the ingestion order (ties on "at" are broken by it).
CREATE TABLE dossier_events (
    event_id     text COLLATE "C" PRIMARY KEY,
    seq          bigint GENERATED ALWAYS AS IDENTITY,
    dossier_id   text COLLATE "C" NOT NULL,
    type         text NOT NULL,
    at           timestamptz NOT NULL,
    payload      jsonb NOT NULL,
    ingested_at  timestamptz NOT NULL
);
CREATE INDEX dossier_events_dossier_id_at ON dossier_events (dossier_id, at, seq);

-- The durable deadline index (runtime IDeadlineStore, also written by dossier commits).
CREATE TABLE deadlines (
    grain_type  text COLLATE "C" NOT NULL,
    grain_key   text COLLATE "C" NOT NULL,
    name        text COLLATE "C" NOT NULL,
    due_at      timestamptz NOT NULL,
    PRIMARY KEY (grain_type, grain_key, name)
);
CREATE INDEX deadlines_due ON deadlines (due_at, grain_type, grain_key, name);

-- Grain state with ETags (runtime IGrainStateStore). data is opaque serialized state, kept byte for byte.
CREATE TABLE grain_state (
    grain_type  text COLLATE "C" NOT NULL,
    grain_key   text COLLATE "C" NOT NULL,
    data        text NOT NULL,
    etag        text COLLATE "C" NOT NULL,
    PRIMARY KEY (grain_type, grain_key)
);

CREATE TABLE alerts (
    id               text COLLATE "C" PRIMARY KEY,
    kind             text NOT NULL,
    dedup_key        text COLLATE "C" NOT NULL,
    dossier_id       text COLLATE "C",
    unit_id          text COLLATE "C" NOT NULL,
    officer_id       text COLLATE "C",
    recipients       text[] NOT NULL DEFAULT '{}',
    created_at       timestamptz NOT NULL,
    due_at           timestamptz,
    state            text NOT NULL CHECK (state IN ('open', 'acknowledged', 'resolved')),
    acknowledged_at  timestamptz,
    resolved_at      timestamptz,
    repeats          integer NOT NULL DEFAULT 0
);
-- At most one active (open or acknowledged) alert per dedup key.
CREATE UNIQUE INDEX alerts_active_dedup_key ON alerts (dedup_key) WHERE state IN ('open', 'acknowledged');
CREATE INDEX alerts_created_at ON alerts (created_at DESC, id DESC);
CREATE INDEX alerts_unit_id_created_at ON alerts (unit_id, created_at DESC);

-- The alert outbox: one row per change, with the alert as it was right after it. Writers insert under a
-- transaction-scoped advisory lock, so sequence order is commit order and a reader tailing by sequence
-- never skips an entry that commits later.
CREATE TABLE alert_outbox (
    sequence         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event            text NOT NULL CHECK (event IN ('raised', 'repeated', 'acknowledged', 'resolved')),
    at               timestamptz NOT NULL,
    alert_id         text COLLATE "C" NOT NULL,
    kind             text NOT NULL,
    dedup_key        text COLLATE "C" NOT NULL,
    dossier_id       text COLLATE "C",
    unit_id          text COLLATE "C" NOT NULL,
    officer_id       text COLLATE "C",
    recipients       text[] NOT NULL,
    created_at       timestamptz NOT NULL,
    due_at           timestamptz,
    state            text NOT NULL,
    acknowledged_at  timestamptz,
    resolved_at      timestamptz,
    repeats          integer NOT NULL
);

CREATE TABLE webhooks (
    id       text COLLATE "C" PRIMARY KEY,
    url      text NOT NULL,
    secret   text NOT NULL,
    unit_id  text COLLATE "C"
);

CREATE TABLE webhook_cursors (
    webhook_id       text COLLATE "C" PRIMARY KEY REFERENCES webhooks (id) ON DELETE CASCADE,
    delivered        bigint NOT NULL,
    attempts         integer NOT NULL,
    next_attempt_at  timestamptz,
    last_error       text
);

CREATE TABLE api_keys (
    id           text COLLATE "C" PRIMARY KEY,
    name         text NOT NULL,
    role         text NOT NULL CHECK (role IN ('admin', 'ingest', 'read')),
    unit_scope   text COLLATE "C",
    secret_hash  text COLLATE "C" NOT NULL,
    created_at   timestamptz NOT NULL,
    revoked_at   timestamptz
);
