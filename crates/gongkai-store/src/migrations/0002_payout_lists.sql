-- Subsidy payout lists (惠民惠农补贴发放清册).
-- Full ID and bank numbers are never stored: only a keyed hash (to answer "was this person
-- paid?") and the masked form that may be printed.

-- The per-installation secret for the keyed hash. It stays in this file: never synced, never
-- exported. A backup carries it, so a restored database still finds its people.
CREATE TABLE installation_key (
    singleton INTEGER PRIMARY KEY NOT NULL CHECK (singleton = 1),
    key       BLOB NOT NULL CHECK (length(key) = 32)
) STRICT;

CREATE TABLE payout_list (
    id            TEXT PRIMARY KEY NOT NULL,
    -- the project named in the file's title; rows carry their own (a file may hold several)
    project       TEXT NOT NULL,
    year          INTEGER NOT NULL,
    source_file   TEXT NOT NULL,
    source_sha256 TEXT NOT NULL,
    -- draft 草稿 → posted 公示中 → archived 已归档; an archived list can only be superseded
    status        TEXT NOT NULL CHECK (status IN ('draft', 'posted', 'archived', 'superseded')),
    row_count     INTEGER NOT NULL,
    total_fen     INTEGER NOT NULL,
    imported_at   TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    -- a corrected list names the archived list it replaces, and why
    supersedes    TEXT REFERENCES payout_list (id),
    supersede_reason TEXT,
    CHECK ((supersedes IS NULL) = (supersede_reason IS NULL))
) STRICT;

CREATE TABLE payout_row (
    id             TEXT PRIMARY KEY NOT NULL,
    list_id        TEXT NOT NULL REFERENCES payout_list (id) ON DELETE CASCADE,
    village_id     TEXT NOT NULL REFERENCES village (id) ON DELETE RESTRICT,
    source_sheet   TEXT NOT NULL,
    source_row     INTEGER NOT NULL,
    villager_group TEXT,
    name           TEXT NOT NULL,
    id_hash        BLOB NOT NULL CHECK (length(id_hash) = 32),
    id_masked      TEXT NOT NULL,
    bank_masked    TEXT,
    phone_masked   TEXT,
    -- quantities in ten-thousandths (area in 亩, rate in 元 per unit)
    area_e4        INTEGER,
    rate_e4        INTEGER,
    amount_fen     INTEGER NOT NULL CHECK (amount_fen > 0),
    project        TEXT NOT NULL,
    year           INTEGER NOT NULL,
    note           TEXT
) STRICT;

-- One index serves "was this person paid?" (by hash), "already paid this year under this
-- project?" (hash, year, project) and refuses a person twice in one list.
CREATE UNIQUE INDEX payout_row_person ON payout_row (id_hash, year, project, list_id);
CREATE INDEX payout_row_list ON payout_row (list_id, village_id);

-- When each village's board shows the list: the 公示期.
CREATE TABLE payout_posting (
    list_id    TEXT NOT NULL REFERENCES payout_list (id) ON DELETE CASCADE,
    village_id TEXT NOT NULL REFERENCES village (id) ON DELETE RESTRICT,
    posted_on  TEXT NOT NULL,
    ends_on    TEXT NOT NULL CHECK (ends_on >= posted_on),
    PRIMARY KEY (list_id, village_id)
) STRICT;

-- The frozen record of an archived list: a fingerprint of its rows and the notices as printed.
CREATE TABLE payout_archive (
    list_id     TEXT PRIMARY KEY NOT NULL REFERENCES payout_list (id),
    archived_at TEXT NOT NULL,
    rows_sha256 TEXT NOT NULL
) STRICT;

CREATE TABLE payout_archive_file (
    list_id    TEXT NOT NULL REFERENCES payout_archive (list_id),
    village_id TEXT NOT NULL REFERENCES village (id),
    file_name  TEXT NOT NULL,
    pdf        BLOB NOT NULL,
    sha256     TEXT NOT NULL,
    PRIMARY KEY (list_id, village_id)
) STRICT;

-- Archived means frozen, whatever code runs against this file.
CREATE TRIGGER payout_row_frozen_update BEFORE UPDATE ON payout_row
WHEN (SELECT status FROM payout_list WHERE id = OLD.list_id) IN ('archived', 'superseded')
BEGIN
    SELECT RAISE(ABORT, '已归档的清册不能修改');
END;

CREATE TRIGGER payout_row_frozen_delete BEFORE DELETE ON payout_row
WHEN (SELECT status FROM payout_list WHERE id = OLD.list_id) IN ('archived', 'superseded')
BEGIN
    SELECT RAISE(ABORT, '已归档的清册不能修改');
END;

CREATE TRIGGER payout_list_frozen BEFORE UPDATE ON payout_list
WHEN OLD.status IN ('archived', 'superseded')
    AND NOT (OLD.status = 'archived' AND NEW.status = 'superseded')
BEGIN
    SELECT RAISE(ABORT, '已归档的清册不能修改');
END;

CREATE TRIGGER payout_archive_frozen BEFORE DELETE ON payout_archive_file
BEGIN
    SELECT RAISE(ABORT, '归档的公示单不能删除');
END;
