-- The township's library of normative documents (规范性文件库): 行政规范性文件 and other policy
-- documents with their 文号, dates and validity (效力状态), the full text or files, the disclosure
-- record that published each, its 政策解读 record, and the yearly 清理 with its decisions. The
-- rules are gongkai-documents'; the API checks them first and gives every reason, the checks
-- here hold whatever code writes.

CREATE TABLE normative_document (
    id                   TEXT PRIMARY KEY NOT NULL,
    kind                 TEXT NOT NULL CHECK (kind IN ('normative', 'policy')),
    -- 文号 in its normal form (示政发〔2024〕3号); a 行政规范性文件 always has one.
    doc_number           TEXT CHECK (doc_number IS NULL OR length(doc_number) > 0),
    title                TEXT NOT NULL CHECK (length(trim(title)) > 0),
    issuer               TEXT NOT NULL CHECK (length(trim(issuer)) > 0),
    -- YYYY-MM-DD; 有效期至 is the last day it holds, NULL for a document without a term.
    issued_on            TEXT NOT NULL,
    effective_on         TEXT NOT NULL CHECK (effective_on >= issued_on),
    valid_until          TEXT CHECK (valid_until IS NULL OR valid_until >= effective_on),
    body                 TEXT NOT NULL,
    needs_interpretation INTEGER NOT NULL CHECK (needs_interpretation IN (0, 1)),
    -- The disclosure record that published it (信息发布), once there is one.
    record_id            TEXT REFERENCES disclosure_record (id),
    validity             TEXT NOT NULL
        CHECK (validity IN ('in_force', 'amended', 'repealed', 'expired')),
    -- The date of the last change of validity, and the document that made it.
    validity_on          TEXT,
    changed_by           TEXT REFERENCES normative_document (id),
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    CHECK (kind <> 'normative' OR doc_number IS NOT NULL),
    CHECK ((validity = 'in_force') = (validity_on IS NULL)),
    CHECK (validity <> 'amended' OR changed_by IS NOT NULL),
    CHECK (changed_by IS NOT id)
) STRICT;

CREATE UNIQUE INDEX normative_document_number ON normative_document (doc_number)
    WHERE doc_number IS NOT NULL;
CREATE INDEX normative_document_issued ON normative_document (issued_on);
CREATE INDEX normative_document_record ON normative_document (record_id);

-- 已废止 and 已失效 are final: a document once ended is never in force again.
CREATE TRIGGER normative_document_end_is_final BEFORE UPDATE OF validity ON normative_document
WHEN OLD.validity IN ('repealed', 'expired') AND NEW.validity IS NOT OLD.validity
BEGIN
    SELECT RAISE(ABORT, '已废止或已失效的文件，效力不能再变更');
END;

-- Every change of validity, append-only: the document row holds the last one.
CREATE TABLE document_validity_change (
    seq         INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES normative_document (id) ON DELETE CASCADE,
    validity    TEXT NOT NULL CHECK (validity IN ('amended', 'repealed', 'expired')),
    changed_on  TEXT NOT NULL,
    changed_by  TEXT REFERENCES normative_document (id),
    note        TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;

CREATE INDEX document_validity_change_document ON document_validity_change (document_id, seq);

-- The document's files (the signed PDF, a scan), kept in the database like a record's.
CREATE TABLE document_attachment (
    id          TEXT PRIMARY KEY NOT NULL,
    document_id TEXT NOT NULL REFERENCES normative_document (id) ON DELETE CASCADE,
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    size        INTEGER NOT NULL,
    content     BLOB NOT NULL,
    added_at    TEXT NOT NULL
) STRICT;

CREATE INDEX document_attachment_document ON document_attachment (document_id);

-- 政策解读: the disclosure record that interprets a document, and in what form. A record
-- interprets one document at most.
CREATE TABLE document_interpretation (
    document_id TEXT PRIMARY KEY NOT NULL REFERENCES normative_document (id) ON DELETE CASCADE,
    record_id   TEXT NOT NULL UNIQUE REFERENCES disclosure_record (id),
    form        TEXT NOT NULL CHECK (form IN ('text', 'graphic', 'qa')),
    linked_at   TEXT NOT NULL
) STRICT;

-- 清理: one decision per document and yearly round.
CREATE TABLE document_cleanup (
    id          TEXT PRIMARY KEY NOT NULL,
    document_id TEXT NOT NULL REFERENCES normative_document (id) ON DELETE CASCADE,
    round       INTEGER NOT NULL CHECK (round BETWEEN 1949 AND 2100),
    -- Why it was due, as the list showed it.
    reason      TEXT NOT NULL,
    decision    TEXT NOT NULL CHECK (decision IN ('keep', 'amend', 'repeal', 'expire')),
    decided_on  TEXT NOT NULL,
    decided_by  TEXT NOT NULL CHECK (length(trim(decided_by)) > 0),
    note        TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (document_id, round)
) STRICT;

-- The 清理 rule's N (years held before a document comes up for review). One row; none: the
-- binary's default (5). Local to this installation (tables.rs): each decision records its
-- reason, so the setting never needs to travel.
CREATE TABLE document_setting (
    id                 INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    cleanup_age_years  INTEGER NOT NULL CHECK (cleanup_age_years BETWEEN 1 AND 30),
    updated_at         TEXT NOT NULL
) STRICT;

-- The change log (see migration 10) for the synced tables of this migration.

CREATE TRIGGER normative_document_log_insert AFTER INSERT ON normative_document BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('normative_document', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER normative_document_log_update AFTER UPDATE ON normative_document BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'normative_document', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.id) IS NOT (NEW.id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('normative_document', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER normative_document_log_delete AFTER DELETE ON normative_document BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('normative_document', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER document_validity_change_log_insert AFTER INSERT ON document_validity_change BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('document_validity_change', NEW.document_id || '/' || NEW.seq, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER document_validity_change_log_update AFTER UPDATE ON document_validity_change BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'document_validity_change', OLD.document_id || '/' || OLD.seq, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.document_id || '/' || OLD.seq) IS NOT (NEW.document_id || '/' || NEW.seq);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('document_validity_change', NEW.document_id || '/' || NEW.seq, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER document_validity_change_log_delete AFTER DELETE ON document_validity_change BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('document_validity_change', OLD.document_id || '/' || OLD.seq, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER document_attachment_log_insert AFTER INSERT ON document_attachment BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('document_attachment', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER document_attachment_log_update AFTER UPDATE ON document_attachment BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'document_attachment', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.id) IS NOT (NEW.id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('document_attachment', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER document_attachment_log_delete AFTER DELETE ON document_attachment BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('document_attachment', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER document_interpretation_log_insert AFTER INSERT ON document_interpretation BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('document_interpretation', NEW.document_id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER document_interpretation_log_update AFTER UPDATE ON document_interpretation BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'document_interpretation', OLD.document_id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.document_id) IS NOT (NEW.document_id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('document_interpretation', NEW.document_id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER document_interpretation_log_delete AFTER DELETE ON document_interpretation BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('document_interpretation', OLD.document_id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER document_cleanup_log_insert AFTER INSERT ON document_cleanup BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('document_cleanup', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER document_cleanup_log_update AFTER UPDATE ON document_cleanup BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'document_cleanup', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.id) IS NOT (NEW.id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('document_cleanup', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER document_cleanup_log_delete AFTER DELETE ON document_cleanup BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('document_cleanup', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
