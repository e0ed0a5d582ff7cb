-- The township profile and the change log.
-- Ids are UUIDv7 text (see gongkai_domain::RowId); timestamps are RFC 3339 UTC text.

CREATE TABLE township (
    id            TEXT PRIMARY KEY NOT NULL,
    -- one township per installation
    singleton     INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1),
    name          TEXT NOT NULL,
    division_code TEXT,
    credit_code   TEXT,
    county        TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK (division_code IS NOT NULL OR credit_code IS NOT NULL)
) STRICT;

CREATE TABLE village (
    id         TEXT PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL UNIQUE,
    code       TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL CHECK (kind IN ('village', 'community')),
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE office (
    id         TEXT PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL UNIQUE,
    phone      TEXT,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE person (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    office_id   TEXT REFERENCES office (id) ON DELETE RESTRICT,
    can_draft   INTEGER NOT NULL CHECK (can_draft IN (0, 1)),
    can_review  INTEGER NOT NULL CHECK (can_review IN (0, 1)),
    can_approve INTEGER NOT NULL CHECK (can_approve IN (0, 1)),
    updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX person_office ON person (office_id);

-- Every write appends here in the same transaction, so a later sync can replay what happened
-- without reworking the schema: 'upsert' means "read the row's current state", 'delete' is a
-- tombstone for a row that no longer exists.
CREATE TABLE change_log (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    op         TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
    changed_at TEXT NOT NULL
) STRICT;

CREATE INDEX change_log_entity ON change_log (entity, entity_id);
