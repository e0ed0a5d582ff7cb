-- The disclosure catalog (基层政务公开事项标准目录) in three layers kept apart, the effective
-- catalog derived from them, and the search index.
--
-- Layers (lowest first): the national baseline bundled with the binary (replaced as a whole when
-- a newer binary brings other data), county updates (arriving later by sync: upserts and
-- withdrawals under a version label), the township's own adjustments (add / edit / hide /
-- restore, each with reason, date and who). Items are named by a stable key 领域/一级事项/二级事项.
-- Item columns are the same in every layer: channels, audience, mode and level are their
-- standard labels joined by '、'.

CREATE TABLE catalog_baseline_meta (
    singleton INTEGER PRIMARY KEY NOT NULL CHECK (singleton = 1),
    version   TEXT NOT NULL,
    loaded_at TEXT NOT NULL
) STRICT;

CREATE TABLE catalog_domain (
    name               TEXT PRIMARY KEY NOT NULL,
    position           INTEGER NOT NULL,
    kind               TEXT NOT NULL CHECK (kind IN ('pilot', 'later')),
    guideline_issuer   TEXT NOT NULL,
    guideline_document TEXT NOT NULL,
    guideline_date     TEXT NOT NULL,
    coverage           TEXT NOT NULL CHECK (coverage IN ('complete', 'partial', 'not_found')),
    coverage_note      TEXT NOT NULL
) STRICT;

CREATE TABLE catalog_domain_source (
    domain   TEXT NOT NULL REFERENCES catalog_domain (name) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title    TEXT NOT NULL,
    url      TEXT NOT NULL,
    PRIMARY KEY (domain, position)
) STRICT;

CREATE TABLE catalog_baseline (
    key                 TEXT PRIMARY KEY NOT NULL,
    position            INTEGER NOT NULL,
    domain              TEXT NOT NULL,
    level1              TEXT NOT NULL,
    level2              TEXT NOT NULL CHECK (length(level2) > 0),
    content             TEXT NOT NULL,
    basis               TEXT NOT NULL,
    time_limit          TEXT NOT NULL,
    time_limit_workdays INTEGER CHECK (time_limit_workdays > 0),
    subject             TEXT NOT NULL,
    channels            TEXT NOT NULL,
    channels_other      TEXT NOT NULL,
    audience            TEXT NOT NULL,
    mode                TEXT NOT NULL,
    level               TEXT NOT NULL,
    source              TEXT NOT NULL
) STRICT;

-- Ids are UUIDv7, so id order is arrival order.
CREATE TABLE catalog_county (
    id                  TEXT PRIMARY KEY NOT NULL,
    key                 TEXT NOT NULL,
    action              TEXT NOT NULL CHECK (action IN ('upsert', 'withdraw')),
    version_label       TEXT NOT NULL CHECK (length(trim(version_label)) > 0),
    issued_on           TEXT NOT NULL,
    received_at         TEXT NOT NULL,
    domain              TEXT,
    level1              TEXT,
    level2              TEXT,
    content             TEXT,
    basis               TEXT,
    time_limit          TEXT,
    time_limit_workdays INTEGER CHECK (time_limit_workdays > 0),
    subject             TEXT,
    channels            TEXT,
    channels_other      TEXT,
    audience            TEXT,
    mode                TEXT,
    level               TEXT,
    source              TEXT,
    CHECK ((action = 'upsert') = (level2 IS NOT NULL AND length(level2) > 0))
) STRICT;

CREATE INDEX catalog_county_key ON catalog_county (key, issued_on, id);

CREATE TABLE catalog_township (
    id                  TEXT PRIMARY KEY NOT NULL,
    key                 TEXT NOT NULL,
    action              TEXT NOT NULL CHECK (action IN ('add', 'edit', 'hide', 'restore')),
    reason              TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    made_on             TEXT NOT NULL,
    made_by             TEXT NOT NULL CHECK (length(trim(made_by)) > 0),
    recorded_at         TEXT NOT NULL,
    domain              TEXT,
    level1              TEXT,
    level2              TEXT,
    content             TEXT,
    basis               TEXT,
    time_limit          TEXT,
    time_limit_workdays INTEGER CHECK (time_limit_workdays > 0),
    subject             TEXT,
    channels            TEXT,
    channels_other      TEXT,
    audience            TEXT,
    mode                TEXT,
    level               TEXT,
    source              TEXT,
    CHECK ((action IN ('add', 'edit')) = (level2 IS NOT NULL AND length(level2) > 0))
) STRICT;

CREATE INDEX catalog_township_key ON catalog_township (key, id);

-- The township's effective catalog: county overrides baseline, township overrides both, hidden
-- and withdrawn items are absent. Derived only: rewritten for a key in the same transaction as
-- every layer change, never edited by itself.
CREATE TABLE catalog_effective (
    key                 TEXT PRIMARY KEY NOT NULL,
    state               TEXT NOT NULL
        CHECK (state IN ('baseline', 'county', 'township_edited', 'township_added')),
    domain_position     INTEGER NOT NULL,
    item_position       INTEGER NOT NULL,
    first_seen          TEXT NOT NULL,
    domain              TEXT NOT NULL,
    level1              TEXT NOT NULL,
    level2              TEXT NOT NULL,
    content             TEXT NOT NULL,
    basis               TEXT NOT NULL,
    time_limit          TEXT NOT NULL,
    time_limit_workdays INTEGER,
    subject             TEXT NOT NULL,
    channels            TEXT NOT NULL,
    channels_other      TEXT NOT NULL,
    audience            TEXT NOT NULL,
    mode                TEXT NOT NULL,
    level               TEXT NOT NULL,
    source              TEXT NOT NULL
) STRICT;

CREATE INDEX catalog_effective_order
    ON catalog_effective (domain_position, item_position, first_seen, key);

-- The search index, shared by every kind of thing the clerk searches ('catalog': ref_id is the
-- item key; later e.g. disclosure records). Each kind owns a block of the FTS table's rowids,
-- (search_kind.id << 40) + n, so a search of one kind reads and ranks only its own rows however
-- many rows other kinds have. Kept in sync in the same transaction as the thing indexed.
CREATE TABLE search_kind (
    id   INTEGER PRIMARY KEY CHECK (id BETWEEN 1 AND 8000000),
    kind TEXT NOT NULL UNIQUE CHECK (length(kind) > 0)
) STRICT;

INSERT INTO search_kind (id, kind) VALUES (1, 'catalog');

CREATE TABLE search_doc (
    id     INTEGER PRIMARY KEY,
    kind   TEXT NOT NULL REFERENCES search_kind (kind),
    ref_id TEXT NOT NULL,
    UNIQUE (kind, ref_id)
) STRICT;

-- Trigram: Chinese has no spaces, any 3 characters of a text find it. Queries of 1–2 characters
-- are answered by LIKE over the same columns.
CREATE VIRTUAL TABLE search_index USING fts5 (title, body, tokenize = 'trigram');
