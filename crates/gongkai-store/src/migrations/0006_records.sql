-- Disclosure records (公开记录) under catalog items, their controls and the publication register;
-- and the working-day calendar as later updated by sync.

CREATE TABLE disclosure_record (
    id               TEXT PRIMARY KEY NOT NULL,
    -- The catalog item (领域/一级事项/二级事项); the names are kept as they were when the
    -- record was made, so a record stays readable if its item is later hidden.
    item_key         TEXT NOT NULL,
    domain           TEXT NOT NULL,
    item_name        TEXT NOT NULL,
    title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
    doc_number       TEXT,
    -- 信息形成或者变更之日 (YYYY-MM-DD)
    formed_on        TEXT NOT NULL,
    body             TEXT NOT NULL,
    -- standard channel labels joined by '、'
    channels         TEXT NOT NULL,
    attribute        TEXT NOT NULL CHECK (attribute IN ('proactive', 'on_request', 'withheld')),
    ground           TEXT,
    attribute_reason TEXT,
    redacted         INTEGER NOT NULL CHECK (redacted IN (0, 1)),
    redaction_removed TEXT,
    redaction_why    TEXT,
    time_limit_days  INTEGER NOT NULL CHECK (time_limit_days BETWEEN 1 AND 365),
    due_on           TEXT NOT NULL,
    due_provisional  INTEGER NOT NULL CHECK (due_provisional IN (0, 1)),
    calendar_version TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('draft', 'published', 'withdrawn')),
    published_on     TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    CHECK ((attribute = 'proactive') = (ground IS NULL AND attribute_reason IS NULL)),
    CHECK (attribute = 'proactive' OR length(trim(attribute_reason)) > 0),
    CHECK (redacted = 0 OR (length(trim(redaction_removed)) > 0 AND length(trim(redaction_why)) > 0)),
    CHECK ((status = 'draft') = (published_on IS NULL) OR status = 'withdrawn')
) STRICT;

CREATE INDEX disclosure_record_item ON disclosure_record (item_key, formed_on);
CREATE INDEX disclosure_record_due ON disclosure_record (status, due_on);

CREATE TABLE record_attachment (
    id         TEXT PRIMARY KEY NOT NULL,
    record_id  TEXT NOT NULL REFERENCES disclosure_record (id) ON DELETE CASCADE,
    file_name  TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    size       INTEGER NOT NULL,
    content    BLOB NOT NULL,
    added_at   TEXT NOT NULL
) STRICT;

-- 三审, append-only: a return or an edit of the record sets `cleared` on every row in force,
-- so the history stays while the record goes back to the drafter.
CREATE TABLE record_review (
    seq         INTEGER PRIMARY KEY,
    record_id   TEXT NOT NULL REFERENCES disclosure_record (id) ON DELETE CASCADE,
    stage       TEXT NOT NULL CHECK (stage IN ('draft', 'review', 'approve')),
    person_id   TEXT NOT NULL,
    person_name TEXT NOT NULL,
    decided_on  TEXT NOT NULL,
    opinion     TEXT NOT NULL,
    passed      INTEGER NOT NULL CHECK (passed IN (0, 1)),
    cleared     INTEGER NOT NULL DEFAULT 0 CHECK (cleared IN (0, 1)),
    recorded_at TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX record_review_in_force ON record_review (record_id, stage) WHERE cleared = 0;

-- 保密审查, append-only like the review; answers are "question_key=0|1" joined by ','.
CREATE TABLE record_secrecy (
    seq           INTEGER PRIMARY KEY,
    record_id     TEXT NOT NULL REFERENCES disclosure_record (id) ON DELETE CASCADE,
    reviewer_id   TEXT NOT NULL,
    reviewer_name TEXT NOT NULL,
    decided_on    TEXT NOT NULL,
    answers       TEXT NOT NULL,
    opinion       TEXT NOT NULL,
    passed        INTEGER NOT NULL CHECK (passed IN (0, 1)),
    cleared       INTEGER NOT NULL DEFAULT 0 CHECK (cleared IN (0, 1)),
    recorded_at   TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX record_secrecy_in_force ON record_secrecy (record_id) WHERE cleared = 0;

-- 信息发布登记: who published what, where, when.
CREATE TABLE publication (
    id           TEXT PRIMARY KEY NOT NULL,
    record_id    TEXT NOT NULL REFERENCES disclosure_record (id),
    channel      TEXT NOT NULL CHECK (length(channel) > 0),
    location     TEXT NOT NULL,
    published_on TEXT NOT NULL,
    published_by TEXT NOT NULL CHECK (length(trim(published_by)) > 0),
    note         TEXT NOT NULL,
    registered_at TEXT NOT NULL
) STRICT;

CREATE INDEX publication_record ON publication (record_id);

-- The publication gate, held by the database itself: only a 主动公开 record with all three
-- review levels and a passed secrecy check in force can be registered as published.
CREATE TRIGGER publication_needs_controls BEFORE INSERT ON publication
WHEN (SELECT attribute FROM disclosure_record WHERE id = NEW.record_id) IS NOT 'proactive'
  OR (SELECT count(*) FROM record_review
      WHERE record_id = NEW.record_id AND cleared = 0 AND passed = 1) < 3
  OR NOT EXISTS (SELECT 1 FROM record_secrecy
      WHERE record_id = NEW.record_id AND cleared = 0 AND passed = 1)
BEGIN
    SELECT RAISE(ABORT, '未完成三审和保密审查的记录不能发布');
END;

CREATE TRIGGER record_published_needs_controls BEFORE UPDATE OF status ON disclosure_record
WHEN NEW.status = 'published' AND NOT EXISTS (SELECT 1 FROM publication WHERE record_id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, '未登记发布的记录不能标为已发布');
END;

-- A published record is what the public saw: its content is frozen; a correction is a new
-- record (变更) and the old one may be withdrawn.
CREATE TRIGGER published_record_frozen BEFORE UPDATE OF item_key, title, doc_number, formed_on,
    body, channels, attribute, ground, attribute_reason, redacted, redaction_removed,
    redaction_why, time_limit_days ON disclosure_record
WHEN OLD.status <> 'draft'
BEGIN
    SELECT RAISE(ABORT, '已发布的记录不能修改，请新建一条变更记录');
END;

-- Calendar data received after the binary was built (sync); the newest version wins.
CREATE TABLE calendar_update (
    version     TEXT PRIMARY KEY NOT NULL,
    json        TEXT NOT NULL,
    received_at TEXT NOT NULL
) STRICT;
