-- The township's yearly work plan (政务公开工作要点 and its 任务分解表, issue 14): the tasks as
-- the table gives them (the 时间节点 as written, and the last due date read from it by
-- gongkai-plan), progress notes that move a task's status, and the evidence files of a note,
-- kept in the database as record attachments are. Synced state: every table logged to the
-- change log by its own triggers, as migration 10's tables are.

CREATE TABLE plan_task (
    id                TEXT PRIMARY KEY NOT NULL,
    year              INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    seq               INTEGER NOT NULL CHECK (seq > 0),
    section           TEXT,
    name              TEXT NOT NULL CHECK (length(trim(name)) > 0),
    content           TEXT NOT NULL,
    office            TEXT NOT NULL,
    person            TEXT NOT NULL,
    time_node         TEXT NOT NULL CHECK (length(trim(time_node)) > 0),
    due_on            TEXT NOT NULL CHECK (date(due_on) IS due_on),
    evidence_required TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done')),
    done_on           TEXT CHECK (done_on IS NULL OR date(done_on) IS done_on),
    source            TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    UNIQUE (year, seq),
    CHECK ((status = 'done') = (done_on IS NOT NULL))
) STRICT;

CREATE INDEX plan_task_due ON plan_task (status, due_on);

-- A progress note: what was done on a day, and the status it left the task in. Append-only.
CREATE TABLE plan_note (
    id         TEXT PRIMARY KEY NOT NULL,
    task_id    TEXT NOT NULL REFERENCES plan_task (id) ON DELETE CASCADE,
    noted_on   TEXT NOT NULL CHECK (date(noted_on) IS noted_on),
    status     TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done')),
    note       TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

CREATE INDEX plan_note_task ON plan_note (task_id, noted_on);

CREATE TABLE plan_evidence (
    id        TEXT PRIMARY KEY NOT NULL,
    task_id   TEXT NOT NULL REFERENCES plan_task (id) ON DELETE CASCADE,
    note_id   TEXT NOT NULL REFERENCES plan_note (id) ON DELETE CASCADE,
    file_name TEXT NOT NULL CHECK (length(trim(file_name)) > 0),
    sha256    TEXT NOT NULL CHECK (length(sha256) = 64),
    size      INTEGER NOT NULL CHECK (size = length(content)),
    content   BLOB NOT NULL,
    added_at  TEXT NOT NULL
) STRICT;

CREATE INDEX plan_evidence_task ON plan_evidence (task_id);

CREATE TRIGGER plan_task_log_insert AFTER INSERT ON plan_task BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('plan_task', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER plan_task_log_update AFTER UPDATE ON plan_task BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'plan_task', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.id) IS NOT (NEW.id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('plan_task', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER plan_task_log_delete AFTER DELETE ON plan_task BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('plan_task', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER plan_note_log_insert AFTER INSERT ON plan_note BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('plan_note', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER plan_note_log_update AFTER UPDATE ON plan_note BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'plan_note', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.id) IS NOT (NEW.id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('plan_note', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER plan_note_log_delete AFTER DELETE ON plan_note BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('plan_note', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER plan_evidence_log_insert AFTER INSERT ON plan_evidence BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('plan_evidence', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER plan_evidence_log_update AFTER UPDATE ON plan_evidence BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'plan_evidence', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.id) IS NOT (NEW.id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('plan_evidence', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER plan_evidence_log_delete AFTER DELETE ON plan_evidence BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('plan_evidence', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
