use std::path::Path;

use chrono::Utc;
use gongkai_domain::{Name, Office, Person, Role, RowId, Village, VillageCode, VillageKind, demo};

use crate::{ArchivedNotice, NewPayoutList, NewPayoutRow};
use rusqlite::Connection;
use tempfile::TempDir;

use super::*;

mod boards;
mod change_log;
mod restore;
mod secrets_out;

/// The backup passphrase of the tests' clerk.
const PASSPHRASE: &str = "示范镇政务公开备份";

fn passphrase() -> Passphrase {
    Passphrase::given(PASSPHRASE)
}

/// The demo township with a backup passphrase set, ready to back up.
fn backed_up_demo_store(dir: &TempDir) -> Store {
    let mut store = demo_store(dir);
    store.set_backup_passphrase(None, &passphrase()).unwrap();
    store
}

fn demo_store(dir: &TempDir) -> Store {
    let mut store = Store::open(&dir.path().join("t.sqlite3")).unwrap();
    store
        .install_demo(&demo::profile(Utc::now()).unwrap())
        .unwrap();
    store
}

/// Applies migrations only up to `version`, as an older binary would have left the file.
fn create_at_version(path: &Path, version: u32) {
    let mut conn = Connection::open(path).unwrap();
    // Migration 9 fills the character index with the store's own SQL function.
    search_chars::register(&conn).unwrap();
    migrations::migrate_to(&mut conn, version, &secrets::test_keystore()).unwrap();
}

fn change_log(store: &Store) -> Vec<(String, String)> {
    let mut stmt = store
        .conn
        .prepare("SELECT entity, op FROM change_log ORDER BY seq")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn a_new_file_gets_the_latest_schema_with_wal_and_foreign_keys() {
    let dir = TempDir::new().unwrap();
    let store = Store::open(&dir.path().join("new.sqlite3")).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    let mode: String = store
        .conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: bool = store
        .conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert!(fk);
    let recorded: u32 = store
        .conn
        .query_row("SELECT count(*) FROM schema_migration", [], |r| r.get(0))
        .unwrap();
    assert_eq!(recorded, LATEST_VERSION);
}

/// What `Store::open` promises of every connection, on a new file and on an existing one.
#[test]
fn opening_sets_wal_foreign_keys_full_sync_and_the_busy_timeout() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("t.sqlite3");
    drop(Store::open(&path).unwrap());
    // A file left by another program with other settings (rollback journal).
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    drop(conn);
    for store in [
        Store::open(&dir.path().join("new.sqlite3")).unwrap(),
        Store::open(&path).unwrap(),
    ] {
        let pragma = |name: &str| -> String {
            store
                .conn
                .pragma_query_value(None, name, |r| {
                    Ok(match r.get_ref(0)? {
                        rusqlite::types::ValueRef::Integer(i) => i.to_string(),
                        other => other.as_str().unwrap().to_owned(),
                    })
                })
                .unwrap()
        };
        let found = [
            ("journal_mode", pragma("journal_mode")),
            ("foreign_keys", pragma("foreign_keys")),
            ("synchronous", pragma("synchronous")),
            ("busy_timeout", pragma("busy_timeout")),
        ];
        assert_eq!(
            found.map(|(name, value)| format!("{name}={value}")),
            [
                "journal_mode=wal",
                "foreign_keys=1",
                // 2 = FULL
                "synchronous=2",
                "busy_timeout=5000",
            ],
            "{}",
            store.path().display()
        );
    }
}

#[test]
fn every_earlier_version_upgrades_to_the_latest() {
    for version in 0..LATEST_VERSION {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join("old.sqlite3");
        create_at_version(&path, version);
        let store = Store::open(&path).unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            LATEST_VERSION,
            "from {version}"
        );
        assert!(store.check().unwrap().ok());
    }
}

#[test]
fn reopening_keeps_data_and_applies_nothing_twice() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("t.sqlite3");
    drop(demo_store(&dir));
    let store = Store::open(&path).unwrap();
    assert_eq!(store.require_township().unwrap().name.as_str(), "示范镇");
    assert_eq!(store.villages().unwrap().len(), 6);
}

#[test]
fn a_newer_database_is_refused_untouched() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("future.sqlite3");
    drop(Store::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", LATEST_VERSION + 1)
        .unwrap();
    drop(conn);
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::TooNew { .. }));
    assert!(err.to_string().contains("请先升级工作台"), "{err}");
    let conn = Connection::open(&path).unwrap();
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, LATEST_VERSION + 1);
}

#[test]
fn an_edited_migration_history_is_refused() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("t.sqlite3");
    drop(Store::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE schema_migration SET checksum = 'x' WHERE version = 1",
        [],
    )
    .unwrap();
    drop(conn);
    assert!(matches!(
        Store::open(&path).unwrap_err(),
        StoreError::MigrationMismatch { version: 1 }
    ));
}

#[test]
fn a_file_that_is_not_a_database_is_refused_in_chinese() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("清册.xlsx");
    std::fs::write(&path, vec![0x50_u8; 8192]).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
    assert!(err.to_string().contains("不是工作台的数据库文件"));
}

#[test]
fn a_corrupted_database_fails_the_integrity_check() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("t.sqlite3");
    {
        let store = demo_store(&dir);
        store
            .conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
    }
    // Overwrite the middle of the village table's page with garbage, keeping the header.
    let mut bytes = std::fs::read(&path).unwrap();
    let page = 4096;
    for b in &mut bytes[2 * page + 100..3 * page - 100] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Corrupt { .. } | StoreError::NotADatabase { .. }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("损坏") || err.to_string().contains("完整性检查未通过"));
}

/// Makes two indexes swap their pages: every b-tree stays well formed and holds as many entries
/// as its table has rows, so only the full `integrity_check` finds the rows missing from them.
fn put_indexes_out_of_step(path: &Path) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(
        "CREATE TABLE probe (a TEXT); CREATE INDEX probe_a ON probe (a);
         CREATE TABLE probe_other (a TEXT); CREATE INDEX probe_other_a ON probe_other (a);
         INSERT INTO probe VALUES ('一'), ('二');
         INSERT INTO probe_other VALUES ('三'), ('四');",
    )
    .unwrap();
    let root = |name: &str| -> i64 {
        conn.query_row(
            "SELECT rootpage FROM sqlite_schema WHERE name = ?1",
            [name],
            |r| r.get(0),
        )
        .unwrap()
    };
    let (a, other) = (root("probe_a"), root("probe_other_a"));
    conn.execute_batch("PRAGMA writable_schema = ON").unwrap();
    for (name, page) in [("probe_a", other), ("probe_other_a", a)] {
        conn.execute(
            "UPDATE sqlite_schema SET rootpage = ?1 WHERE name = ?2",
            rusqlite::params![page, name],
        )
        .unwrap();
    }
    conn.execute_batch("PRAGMA writable_schema = OFF; PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
}

/// The quick check every open runs passes indexes out of step with their tables; the full
/// check of `check` (and of a restore's source, `tests::restore`) names them.
#[test]
fn indexes_out_of_step_with_their_tables_open_and_check_names_them() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("t.sqlite3");
    drop(demo_store(&dir));
    put_indexes_out_of_step(&path);
    let store = Store::open(&path).unwrap();
    let report = store.check().unwrap();
    assert!(
        report.integrity.contains("probe_a") && report.integrity.contains("probe_other_a"),
        "the full check names both indexes: {}",
        report.integrity
    );
}

#[test]
fn every_write_is_logged_and_deletes_leave_tombstones() {
    let dir = TempDir::new().unwrap();
    let mut store = demo_store(&dir);
    let before = change_log(&store).len();
    let village = Village {
        id: RowId::new(),
        name: Name::parse("名称", "新建村").unwrap(),
        code: VillageCode::parse("999901101299").unwrap(),
        kind: VillageKind::Village,
    };
    store.insert_village(&village).unwrap();
    store.delete_village(village.id).unwrap();
    let log = change_log(&store);
    assert_eq!(before, 1 + 6 + 5 + 6);
    assert_eq!(
        &log[before..],
        [
            ("village".to_owned(), "upsert".to_owned()),
            ("village".to_owned(), "delete".to_owned())
        ]
    );
}

#[test]
fn duplicates_and_foreign_villages_are_refused_with_nothing_written() {
    let dir = TempDir::new().unwrap();
    let mut store = demo_store(&dir);
    let log_before = change_log(&store).len();
    let same_name = Village {
        id: RowId::new(),
        name: Name::parse("名称", "东山村").unwrap(),
        code: VillageCode::parse("999901101299").unwrap(),
        kind: VillageKind::Village,
    };
    let err = store.insert_village(&same_name).unwrap_err();
    assert_eq!(err.to_string(), "已有村（社区）名称“东山村”，不能重复");
    let elsewhere = Village {
        name: Name::parse("名称", "外镇村").unwrap(),
        code: VillageCode::parse("999901102201").unwrap(),
        ..same_name
    };
    let err = store.insert_village(&elsewhere).unwrap_err();
    assert!(
        err.to_string()
            .contains("应以本镇（街道）区划代码“999901101”开头")
    );
    assert_eq!(store.villages().unwrap().len(), 6);
    assert_eq!(change_log(&store).len(), log_before);
}

#[test]
fn an_office_with_people_cannot_be_deleted() {
    let dir = TempDir::new().unwrap();
    let mut store = demo_store(&dir);
    let staffed = store.people().unwrap()[0].office.unwrap();
    let err = store.delete_office(staffed).unwrap_err();
    assert!(matches!(err, StoreError::OfficeInUse { .. }), "{err:?}");
    let empty = Office {
        id: RowId::new(),
        name: Name::parse("科室", "应急管理办公室").unwrap(),
        phone: None,
    };
    store.insert_office(&empty).unwrap();
    store.delete_office(empty.id).unwrap();
}

#[test]
fn people_keep_their_roles() {
    let dir = TempDir::new().unwrap();
    let mut store = demo_store(&dir);
    let person = Person {
        id: RowId::new(),
        name: Name::parse("姓名", "欧阳娜娜").unwrap(),
        office: None,
        roles: [Role::Review, Role::Approve].into_iter().collect(),
    };
    store.insert_person(&person).unwrap();
    let stored = store
        .people()
        .unwrap()
        .into_iter()
        .find(|p| p.id == person.id)
        .unwrap();
    assert_eq!(stored, person);
}

#[test]
fn updating_a_deleted_row_says_so() {
    let dir = TempDir::new().unwrap();
    let mut store = demo_store(&dir);
    let village = store.villages().unwrap().remove(0);
    store.delete_village(village.id).unwrap();
    let err = store.update_village(&village).unwrap_err();
    assert!(err.to_string().contains("可能已被删除"));
}

#[test]
fn demo_cannot_overwrite_an_existing_township() {
    let dir = TempDir::new().unwrap();
    let mut store = demo_store(&dir);
    let err = store
        .install_demo(&demo::profile(Utc::now()).unwrap())
        .unwrap_err();
    assert!(matches!(err, StoreError::TownshipExists(_)));
}

#[test]
fn backup_then_restore_brings_back_the_old_content() {
    let dir = TempDir::new().unwrap();
    let mut store = backed_up_demo_store(&dir);
    let backup = dir.path().join("备份").join("b.sqlite3");
    let bytes = store.backup_to(&backup).unwrap();
    assert!(bytes > 0);
    assert!(matches!(
        store.backup_to(&backup),
        Err(StoreError::BackupExists { .. })
    ));

    let village = store.villages().unwrap().remove(0);
    store.delete_village(village.id).unwrap();
    assert_eq!(store.villages().unwrap().len(), 5);

    let safety = store.restore_from(&backup, Some(&passphrase())).unwrap();
    assert_eq!(store.villages().unwrap().len(), 6);
    assert!(store.check().unwrap().ok());
    // The pre-restore state was kept.
    let before_restore = Store::open(&safety).unwrap();
    assert_eq!(before_restore.villages().unwrap().len(), 5);
}

#[test]
fn archived_payout_rows_are_frozen_by_the_database_itself() {
    let dir = TempDir::new().unwrap();
    let mut store = demo_store(&dir);
    let village = store.villages().unwrap()[0].id;
    let list = NewPayoutList {
        id: RowId::new(),
        supersedes: None,
        project: "高龄津贴".into(),
        year: 2025,
        source_file: "a.csv".into(),
        source_sha256: "00".into(),
        rows: vec![NewPayoutRow {
            village,
            source_sheet: "a.csv".into(),
            source_row: 2,
            group: None,
            name: "张三".into(),
            id_hash: [7; 32],
            id_masked: "99*************12X".into(),
            bank_masked: None,
            phone_masked: None,
            area_e4: None,
            rate_e4: None,
            amount_fen: 10_000,
            project: "高龄津贴".into(),
            note: None,
        }],
    };
    store.insert_payout_list(&list).unwrap();
    let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2025, 12, d).unwrap();
    store
        .post_payout_list(list.id, day(1), day(7), &outbox(list.id))
        .unwrap();
    let notice = ArchivedNotice {
        village,
        file_name: "公示.pdf".to_owned(),
        pdf: b"%PDF".to_vec(),
        sha256: "cd".repeat(32),
    };
    store.archive_payout_list(list.id, "ff", &[notice]).unwrap();
    let sql = |sql: &str| store.conn.execute(sql, []);
    refused_by_trigger(
        sql("UPDATE payout_row SET amount_fen = 1"),
        "已归档的清册不能修改",
    );
    refused_by_trigger(sql("DELETE FROM payout_row"), "已归档的清册不能修改");
    refused_by_trigger(
        sql("UPDATE payout_list SET total_fen = 1"),
        "已归档的清册不能修改",
    );
    refused_by_trigger(
        sql("DELETE FROM payout_archive_file"),
        "归档的公示单不能删除",
    );
    // Superseding by a corrected list is the one change an archived list takes.
    sql("UPDATE payout_list SET status = 'superseded'").unwrap();
}

/// `result` is a refusal by a trigger's `RAISE(ABORT, message)`, with exactly that message: a
/// refusal for any other reason (a constraint, a missing table, a typo) fails the test.
#[track_caller]
fn refused_by_trigger<T: std::fmt::Debug>(result: rusqlite::Result<T>, message: &str) {
    match result {
        Err(rusqlite::Error::SqliteFailure(e, Some(found)))
            if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_TRIGGER =>
        {
            assert_eq!(found, message);
        }
        other => panic!("expected the trigger's refusal “{message}”, got {other:?}"),
    }
}

/// A store error carrying a trigger's refusal, with exactly its message.
#[track_caller]
fn store_refused_by_trigger<T: std::fmt::Debug>(result: Result<T, StoreError>, message: &str) {
    match result {
        Err(StoreError::Sqlite(e)) => refused_by_trigger::<()>(Err(e), message),
        // The publication gate's refusal, passed on to the clerk as it is (`gate_refusal`).
        Err(StoreError::ListState(found)) => assert_eq!(found, message),
        other => panic!("expected the trigger's refusal “{message}”, got {other:?}"),
    }
}

#[test]
fn import_templates_are_saved_replaced_and_deleted_with_their_columns() {
    let dir = TempDir::new().unwrap();
    let mut store = demo_store(&dir);
    let column = |header: &str, column: Option<&str>| TemplateColumn {
        header: header.to_owned(),
        column: column.map(str::to_owned),
    };
    let mut template = ImportTemplate {
        id: RowId::new(),
        name: "财政所一卡通导出".to_owned(),
        columns: vec![
            column("持卡人", Some("name")),
            column("本次发放", Some("amount")),
            column("账号", None),
        ],
        updated_at: String::new(),
    };
    store.save_import_template(&template).unwrap();
    let saved = store
        .import_template_named("财政所一卡通导出")
        .unwrap()
        .unwrap();
    assert_eq!(saved.columns, template.columns);

    template.columns = vec![column("持卡人", Some("name"))];
    store.save_import_template(&template).unwrap();
    assert_eq!(store.import_templates().unwrap()[0].columns.len(), 1);

    let other = ImportTemplate {
        id: RowId::new(),
        ..template.clone()
    };
    let refused = store.save_import_template(&other).unwrap_err();
    assert!(refused.to_string().contains("已有导入模板"), "{refused}");
    let bad_key = ImportTemplate {
        id: RowId::new(),
        name: "另一来源".to_owned(),
        columns: vec![column("某列", Some("salary"))],
        updated_at: String::new(),
    };
    let refused = store.save_import_template(&bad_key).unwrap_err();
    assert!(
        matches!(&refused, StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, Some(m)))
            if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_CHECK && m.contains("column_key")),
        "{refused:?}"
    );
    assert!(store.import_template_named("另一来源").unwrap().is_none());

    store.delete_import_template(template.id).unwrap();
    assert!(store.import_templates().unwrap().is_empty());
    // Templates are this computer's own (see TABLES): not in the change log.
    let log = change_log(&store);
    assert!(
        !log.iter()
            .any(|(entity, _)| entity.starts_with("import_template")),
        "{log:?}"
    );
}

fn outbox(id: RowId) -> OutboxItem {
    OutboxItem {
        kind: "record",
        object_id: id.to_string(),
        withdraw: false,
        payload: "{}".to_owned(),
    }
}

fn draft_record() -> StoredRecord {
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    StoredRecord {
        id: RowId::new(),
        item_key: "涉农补贴/农业生产发展资金/耕地地力保护(补贴)".to_owned(),
        domain: "涉农补贴".to_owned(),
        item_name: "耕地地力保护(补贴)".to_owned(),
        title: "2026年耕地地力保护补贴发放结果".to_owned(),
        doc_number: None,
        formed_on: day(2),
        body: "各村发放结果见附件".to_owned(),
        channels: vec![
            "政府网站".to_owned(),
            "社区/企事业单位/村公示栏（电子屏）".to_owned(),
        ],
        attribute: "proactive".to_owned(),
        ground: None,
        attribute_reason: None,
        redacted: false,
        redaction_removed: None,
        redaction_why: None,
        time_limit_days: 20,
        due_on: day(30),
        due_provisional: false,
        calendar_version: "2025-11-04".to_owned(),
        status: String::new(),
        published_on: None,
        updated_at: String::new(),
    }
}

fn sign(store: &mut Store, record: RowId, stage: &str, who: &str, passed: bool) {
    let review = StoredReview {
        stage: stage.to_owned(),
        person_id: who.to_owned(),
        person_name: who.to_owned(),
        decided_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 3).unwrap(),
        opinion: if passed { "同意" } else { "数据有误" }.to_owned(),
        passed,
        cleared: false,
        recorded_at: String::new(),
    };
    store.add_review(Reviewed::Record(record), &review).unwrap();
}

fn check_secrecy(store: &mut Store, record: RowId, passed: bool) {
    let check = StoredSecrecy {
        reviewer_id: "s".to_owned(),
        reviewer_name: "保密员".to_owned(),
        decided_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 4).unwrap(),
        answers: vec![("state_secret".to_owned(), !passed)],
        opinion: String::new(),
        passed,
    };
    store.set_secrecy(Reviewed::Record(record), &check).unwrap();
}

fn publication(record: RowId) -> StoredPublication {
    StoredPublication {
        id: RowId::new(),
        record_id: record,
        record_title: String::new(),
        doc_number: None,
        domain: String::new(),
        channel: "政府网站".to_owned(),
        location: "县政府门户网站·基层政务公开专栏".to_owned(),
        published_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 5).unwrap(),
        published_by: "李明".to_owned(),
        note: String::new(),
    }
}

#[test]
fn the_database_itself_refuses_to_publish_without_three_reviews_and_secrecy() {
    let dir = TempDir::new().unwrap();
    let mut store = demo_store(&dir);
    let record = draft_record();
    store.save_record(&record).unwrap();
    store_refused_by_trigger(
        store.publish_record(&publication(record.id), &outbox(record.id)),
        "未完成三审和保密审查的记录不能发布",
    );

    sign(&mut store, record.id, "draft", "李明", true);
    sign(&mut store, record.id, "review", "王芳", true);
    sign(&mut store, record.id, "approve", "赵强", true);
    check_secrecy(&mut store, record.id, false);
    // The secrecy check failed.
    store_refused_by_trigger(
        store.publish_record(&publication(record.id), &outbox(record.id)),
        "未完成三审和保密审查的记录不能发布",
    );
    // Even SQL that bypasses the store's code meets the trigger.
    let direct = store.conn.execute(
        "INSERT INTO publication (id, record_id, channel, location, published_on, published_by,
             note, registered_at) VALUES ('x', ?1, '政府网站', '', '2026-11-05', '某人', '', '')",
        [record.id.to_string()],
    );
    refused_by_trigger(direct, "未完成三审和保密审查的记录不能发布");
    let to_published = store.conn.execute(
        "UPDATE disclosure_record SET status = 'published', published_on = '2026-11-05' WHERE id = ?1",
        [record.id.to_string()],
    );
    // The status cannot jump to published.
    refused_by_trigger(to_published, "未登记发布的记录不能标为已发布");

    check_secrecy(&mut store, record.id, true);
    store
        .publish_record(&publication(record.id), &outbox(record.id))
        .unwrap();
    let published = store.record(record.id).unwrap();
    assert_eq!(published.status, "published");
    // The publication queued the record for the county in the same transaction, once.
    let mut second = publication(record.id);
    second.channel = "社区/企事业单位/村公示栏（电子屏）".to_owned();
    store.publish_record(&second, &outbox(record.id)).unwrap();
    let pending = store.pending_entries(10).unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(
        (pending[0].kind.as_str(), pending[0].replaces.as_deref()),
        ("record", None)
    );
    store
        .settle_entries(&[pending[0].entry_id.clone()], &[])
        .unwrap();
    assert_eq!(store.outbox_counts().unwrap().pending, 0);
    assert_eq!(store.outbox_counts().unwrap().acked, 1);
    assert_eq!(
        published.published_on,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 5)
    );
    assert_eq!(store.publications().unwrap()[0].record_title, record.title);

    let mut edited = record.clone();
    edited.title = "改过的标题".to_owned();
    // Published records are frozen: the store says so before the trigger would.
    assert!(matches!(
        store.save_record(&edited),
        Err(StoreError::ListState(m)) if m == "已发布的记录不能修改，请新建一条变更记录"
    ));
    let frozen = store.conn.execute(
        "UPDATE disclosure_record SET body = '改' WHERE id = ?1",
        [record.id.to_string()],
    );
    // Frozen by the trigger too.
    refused_by_trigger(frozen, "已发布的记录不能修改，请新建一条变更记录");
}

#[test]
fn editing_a_draft_or_returning_it_clears_the_controls_in_force_and_keeps_history() {
    let dir = TempDir::new().unwrap();
    let mut store = demo_store(&dir);
    let mut record = draft_record();
    store.save_record(&record).unwrap();
    sign(&mut store, record.id, "draft", "李明", true);
    sign(&mut store, record.id, "review", "王芳", true);
    check_secrecy(&mut store, record.id, true);

    record.body = "补充了发放标准".to_owned();
    store.save_record(&record).unwrap();
    let reviews = store.reviews(Reviewed::Record(record.id)).unwrap();
    assert_eq!(reviews.len(), 2);
    assert!(reviews.iter().all(|r| r.cleared));
    assert!(
        store
            .secrecy(Reviewed::Record(record.id))
            .unwrap()
            .is_none()
    );

    sign(&mut store, record.id, "draft", "李明", true);
    sign(&mut store, record.id, "review", "王芳", false);
    let reviews = store.reviews(Reviewed::Record(record.id)).unwrap();
    assert_eq!(reviews.len(), 4);
    assert!(
        reviews.iter().all(|r| r.cleared),
        "a return sends it back to the drafter"
    );
    // Two saves of the record; four signatures, each written, then cleared (an update); one
    // secrecy check, written and cleared.
    let log = change_log(&store);
    let count = |entity: &str, op: &str| log.iter().filter(|(e, o)| e == entity && o == op).count();
    assert_eq!(count("disclosure_record", "upsert"), 2, "{log:?}");
    assert_eq!(count("record_review", "upsert"), 4 + 4, "{log:?}");
    assert_eq!(count("record_secrecy", "upsert"), 1 + 1, "{log:?}");
    let found = store.search(SEARCH_KIND_RECORD, "发放标准", 10).unwrap();
    assert_eq!(
        found,
        [record.id.to_string()],
        "the edited text is what is indexed"
    );
    assert!(
        store
            .search(SEARCH_KIND_RECORD, "各村发放结果", 10)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn short_terms_are_looked_up_by_character_rare_or_common() {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(&dir.path().join("t.sqlite3")).unwrap();
    store
        .bench_fill_search_index(
            "record",
            (0..2000).map(|i| {
                let title = match i {
                    7 => "刘䶮堃的补贴".to_owned(),
                    8 => "低，保".to_owned(),
                    _ => format!("第{i}号公告"),
                };
                (format!("r{i}"), title, "正文".to_owned())
            }),
        )
        .unwrap();
    assert_eq!(store.search("record", "䶮堃", 10).unwrap(), ["r7"]);
    assert_eq!(store.search("record", "䶮", 10).unwrap(), ["r7"]);
    // Punctuation between the characters is not skipped, as LIKE would not skip it.
    assert!(store.search("record", "低保", 10).unwrap().is_empty());
    assert_eq!(store.search("record", "低，", 10).unwrap(), ["r8"]);
    // A common term: the newest rows first, up to the limit.
    assert_eq!(
        store.search("record", "公告", 3).unwrap(),
        ["r1999", "r1998", "r1997"]
    );
    // Short and long terms together.
    assert_eq!(store.search("record", "补贴 刘䶮堃", 10).unwrap(), ["r7"]);
    // Re-indexing and removing a row leave no stale characters behind.
    store
        .bench_fill_search_index(
            "record",
            std::iter::once(("r7".to_owned(), "改名".to_owned(), String::new())),
        )
        .unwrap();
    assert!(store.search("record", "䶮堃", 10).unwrap().is_empty());
    assert_eq!(store.search("record", "改名", 10).unwrap(), ["r7"]);
}

#[test]
fn the_character_index_is_filled_from_rows_indexed_before_it_existed() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("old.sqlite3");
    create_at_version(&path, 8);
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "INSERT INTO search_kind (id, kind) VALUES (2, 'record');
         INSERT INTO search_doc (id, kind, ref_id) VALUES (2199023255552, 'record', 'old');
         INSERT INTO search_index (rowid, title, body) VALUES (2199023255552, '王𠀀', '旧公告');",
    )
    .unwrap();
    drop(conn);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.search("record", "王𠀀", 10).unwrap(), ["old"]);
    assert_eq!(store.search("record", "公告", 10).unwrap(), ["old"]);
}
