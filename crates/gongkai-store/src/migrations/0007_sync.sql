-- Sync with the county portal (docs/sync-protocol.md): the township's signing key, the outbox
-- written in the same transaction as each change it carries, the pull cursors, the county
-- changes applied (each once), the county's notices, and a log of sync runs.

-- The private key never leaves this database (it is not part of any synced data).
CREATE TABLE sync_identity (
    singleton  INTEGER PRIMARY KEY NOT NULL CHECK (singleton = 1),
    secret     TEXT NOT NULL,
    public_key TEXT NOT NULL,
    -- last request sequence number used; only ever grows
    last_seq   INTEGER NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
    portal_url TEXT,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE sync_outbox (
    seq        INTEGER PRIMARY KEY,
    entry_id   TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    object_id  TEXT NOT NULL,
    op         TEXT NOT NULL CHECK (op IN ('upsert', 'withdraw')),
    -- the entry id of the version this one replaces
    replaces   TEXT,
    payload    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    acked_at   TEXT,
    -- the portal's final refusal (code: message); never sent again
    rejected   TEXT,
    CHECK (acked_at IS NULL OR rejected IS NULL)
) STRICT;

CREATE INDEX sync_outbox_pending ON sync_outbox (seq) WHERE acked_at IS NULL AND rejected IS NULL;
CREATE INDEX sync_outbox_object ON sync_outbox (object_id, seq);

CREATE TABLE sync_cursor (
    stream     TEXT PRIMARY KEY NOT NULL,
    cursor     TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- A pulled county change is recorded here in the transaction that applies it.
CREATE TABLE sync_applied (
    change_id  TEXT PRIMARY KEY NOT NULL,
    stream     TEXT NOT NULL,
    applied_at TEXT NOT NULL
) STRICT;

CREATE TABLE county_notice (
    id           TEXT PRIMARY KEY NOT NULL,
    version      TEXT NOT NULL,
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,
    published_on TEXT NOT NULL,
    received_at  TEXT NOT NULL
) STRICT;

CREATE TABLE sync_run (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    trigger     TEXT NOT NULL,
    pushed      INTEGER NOT NULL,
    pulled      INTEGER NOT NULL,
    pending     INTEGER NOT NULL,
    -- NULL: the run succeeded
    error       TEXT
) STRICT;
