-- The sheet of a posting as it was printed: the PDF the village put on its board, which sync
-- uploads and the county's page links. Printing again (a spoiled sheet) replaces it. Synced
-- state: logged to the change log by its own triggers, as migration 10's tables are.

CREATE TABLE posting_file (
    posting_id TEXT PRIMARY KEY NOT NULL REFERENCES posting (id) ON DELETE CASCADE,
    file_name  TEXT NOT NULL CHECK (length(trim(file_name)) > 0),
    sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
    size       INTEGER NOT NULL CHECK (size = length(content)),
    content    BLOB NOT NULL,
    printed_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER posting_file_log_insert AFTER INSERT ON posting_file BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('posting_file', NEW.posting_id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER posting_file_log_update AFTER UPDATE ON posting_file BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'posting_file', OLD.posting_id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.posting_id) IS NOT (NEW.posting_id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('posting_file', NEW.posting_id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER posting_file_log_delete AFTER DELETE ON posting_file BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('posting_file', OLD.posting_id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
