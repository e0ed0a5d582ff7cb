-- The change log by construction: every insert, update and delete of a table of synced state
-- appends to change_log in the same statement, whatever code (or hand-written SQL) made it.
-- Which tables are synced state, and why the others are not, is decided in one place:
-- `TABLES` in gongkai-store/src/tables.rs; a test fails for a table without a decision and
-- writes to every synced table to see its triggers log.
--
-- entity: the table's name. entity_id: the row's key (a composite key joined by '/').
-- op: 'upsert' after an insert or an update ("read the row's current state"), 'delete' after a
-- delete (a tombstone); an update that changes a row's key also leaves the old key's tombstone.
-- changed_at: RFC 3339 UTC with milliseconds, like every timestamp the store writes.

CREATE TRIGGER township_log_insert AFTER INSERT ON township BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('township', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER township_log_update AFTER UPDATE ON township BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'township', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.id) IS NOT (NEW.id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('township', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER township_log_delete AFTER DELETE ON township BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('township', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER village_log_insert AFTER INSERT ON village BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('village', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER village_log_update AFTER UPDATE ON village BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'village', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.id) IS NOT (NEW.id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('village', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER village_log_delete AFTER DELETE ON village BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('village', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER office_log_insert AFTER INSERT ON office BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('office', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER office_log_update AFTER UPDATE ON office BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'office', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.id) IS NOT (NEW.id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('office', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER office_log_delete AFTER DELETE ON office BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('office', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER person_log_insert AFTER INSERT ON person BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('person', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER person_log_update AFTER UPDATE ON person BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'person', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.id) IS NOT (NEW.id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('person', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER person_log_delete AFTER DELETE ON person BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('person', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER payout_list_log_insert AFTER INSERT ON payout_list BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('payout_list', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER payout_list_log_update AFTER UPDATE ON payout_list BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'payout_list', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.id) IS NOT (NEW.id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('payout_list', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER payout_list_log_delete AFTER DELETE ON payout_list BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('payout_list', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER payout_posting_log_insert AFTER INSERT ON payout_posting BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('payout_posting', NEW.list_id || '/' || NEW.village_id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER payout_posting_log_update AFTER UPDATE ON payout_posting BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'payout_posting', OLD.list_id || '/' || OLD.village_id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.list_id || '/' || OLD.village_id) IS NOT (NEW.list_id || '/' || NEW.village_id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('payout_posting', NEW.list_id || '/' || NEW.village_id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER payout_posting_log_delete AFTER DELETE ON payout_posting BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('payout_posting', OLD.list_id || '/' || OLD.village_id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER payout_archive_log_insert AFTER INSERT ON payout_archive BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('payout_archive', NEW.list_id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER payout_archive_log_update AFTER UPDATE ON payout_archive BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'payout_archive', OLD.list_id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.list_id) IS NOT (NEW.list_id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('payout_archive', NEW.list_id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER payout_archive_log_delete AFTER DELETE ON payout_archive BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('payout_archive', OLD.list_id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER payout_archive_file_log_insert AFTER INSERT ON payout_archive_file BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('payout_archive_file', NEW.list_id || '/' || NEW.village_id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER payout_archive_file_log_update AFTER UPDATE ON payout_archive_file BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'payout_archive_file', OLD.list_id || '/' || OLD.village_id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.list_id || '/' || OLD.village_id) IS NOT (NEW.list_id || '/' || NEW.village_id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('payout_archive_file', NEW.list_id || '/' || NEW.village_id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER payout_archive_file_log_delete AFTER DELETE ON payout_archive_file BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('payout_archive_file', OLD.list_id || '/' || OLD.village_id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER mask_rules_log_insert AFTER INSERT ON mask_rules BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('mask_rules', CAST(NEW.singleton AS TEXT), 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER mask_rules_log_update AFTER UPDATE ON mask_rules BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'mask_rules', CAST(OLD.singleton AS TEXT), 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (CAST(OLD.singleton AS TEXT)) IS NOT (CAST(NEW.singleton AS TEXT));
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('mask_rules', CAST(NEW.singleton AS TEXT), 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER mask_rules_log_delete AFTER DELETE ON mask_rules BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('mask_rules', CAST(OLD.singleton AS TEXT), 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER catalog_baseline_meta_log_insert AFTER INSERT ON catalog_baseline_meta BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('catalog_baseline_meta', CAST(NEW.singleton AS TEXT), 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER catalog_baseline_meta_log_update AFTER UPDATE ON catalog_baseline_meta BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'catalog_baseline_meta', CAST(OLD.singleton AS TEXT), 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (CAST(OLD.singleton AS TEXT)) IS NOT (CAST(NEW.singleton AS TEXT));
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('catalog_baseline_meta', CAST(NEW.singleton AS TEXT), 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER catalog_baseline_meta_log_delete AFTER DELETE ON catalog_baseline_meta BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('catalog_baseline_meta', CAST(OLD.singleton AS TEXT), 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER catalog_county_log_insert AFTER INSERT ON catalog_county BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('catalog_county', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER catalog_county_log_update AFTER UPDATE ON catalog_county BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'catalog_county', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.id) IS NOT (NEW.id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('catalog_county', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER catalog_county_log_delete AFTER DELETE ON catalog_county BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('catalog_county', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER catalog_township_log_insert AFTER INSERT ON catalog_township BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('catalog_township', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER catalog_township_log_update AFTER UPDATE ON catalog_township BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'catalog_township', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.id) IS NOT (NEW.id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('catalog_township', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER catalog_township_log_delete AFTER DELETE ON catalog_township BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('catalog_township', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER disclosure_record_log_insert AFTER INSERT ON disclosure_record BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('disclosure_record', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER disclosure_record_log_update AFTER UPDATE ON disclosure_record BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'disclosure_record', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.id) IS NOT (NEW.id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('disclosure_record', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER disclosure_record_log_delete AFTER DELETE ON disclosure_record BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('disclosure_record', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER record_attachment_log_insert AFTER INSERT ON record_attachment BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('record_attachment', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER record_attachment_log_update AFTER UPDATE ON record_attachment BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'record_attachment', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.id) IS NOT (NEW.id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('record_attachment', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER record_attachment_log_delete AFTER DELETE ON record_attachment BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('record_attachment', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER record_review_log_insert AFTER INSERT ON record_review BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('record_review', NEW.record_id || '/' || NEW.seq, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER record_review_log_update AFTER UPDATE ON record_review BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'record_review', OLD.record_id || '/' || OLD.seq, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.record_id || '/' || OLD.seq) IS NOT (NEW.record_id || '/' || NEW.seq);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('record_review', NEW.record_id || '/' || NEW.seq, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER record_review_log_delete AFTER DELETE ON record_review BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('record_review', OLD.record_id || '/' || OLD.seq, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER record_secrecy_log_insert AFTER INSERT ON record_secrecy BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('record_secrecy', NEW.record_id || '/' || NEW.seq, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER record_secrecy_log_update AFTER UPDATE ON record_secrecy BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'record_secrecy', OLD.record_id || '/' || OLD.seq, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.record_id || '/' || OLD.seq) IS NOT (NEW.record_id || '/' || NEW.seq);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('record_secrecy', NEW.record_id || '/' || NEW.seq, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER record_secrecy_log_delete AFTER DELETE ON record_secrecy BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('record_secrecy', OLD.record_id || '/' || OLD.seq, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER publication_log_insert AFTER INSERT ON publication BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('publication', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER publication_log_update AFTER UPDATE ON publication BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'publication', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.id) IS NOT (NEW.id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('publication', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER publication_log_delete AFTER DELETE ON publication BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('publication', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER calendar_update_log_insert AFTER INSERT ON calendar_update BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('calendar_update', NEW.version, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER calendar_update_log_update AFTER UPDATE ON calendar_update BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'calendar_update', OLD.version, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.version) IS NOT (NEW.version);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('calendar_update', NEW.version, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER calendar_update_log_delete AFTER DELETE ON calendar_update BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('calendar_update', OLD.version, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER county_notice_log_insert AFTER INSERT ON county_notice BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('county_notice', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER county_notice_log_update AFTER UPDATE ON county_notice BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'county_notice', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE (OLD.id) IS NOT (NEW.id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('county_notice', NEW.id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER county_notice_log_delete AFTER DELETE ON county_notice BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('county_notice', OLD.id, 'delete', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

-- A list's rows are part of the list: an update or delete of rows is logged as an upsert of
-- their list (read the list with its rows); rows deleted with their list leave only the list's
-- tombstone. Rows are inserted only together with their list, whose own insert is logged: an
-- insert trigger here would cost a 100,000-row import more than a second, since a row trigger's
-- price is paid on every row even when it does nothing.
CREATE TRIGGER payout_row_log_update AFTER UPDATE ON payout_row BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    SELECT 'payout_list', OLD.list_id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE OLD.list_id IS NOT NEW.list_id
        AND EXISTS (SELECT 1 FROM payout_list WHERE id = OLD.list_id);
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('payout_list', NEW.list_id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;

CREATE TRIGGER payout_row_log_delete AFTER DELETE ON payout_row
WHEN EXISTS (SELECT 1 FROM payout_list WHERE id = OLD.list_id)
BEGIN
    INSERT INTO change_log (entity, entity_id, op, changed_at)
    VALUES ('payout_list', OLD.list_id, 'upsert', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
