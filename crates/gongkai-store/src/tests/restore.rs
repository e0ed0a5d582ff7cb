//! Restore checks its source before the live database is touched, and replaces it whole or not
//! at all.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use tempfile::TempDir;

use super::{backed_up_demo_store, create_at_version, passphrase};
use crate::{LATEST_VERSION, Store};

/// Every table's name and row count: what "all its rows" means below.
fn row_counts(path: &Path) -> Vec<(String, i64)> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap();
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    names
        .into_iter()
        // Virtual tables may need the store's functions; their shadow tables hold their rows.
        .filter_map(|name| {
            let count = conn
                .query_row(&format!("SELECT count(*) FROM \"{name}\""), [], |r| {
                    r.get(0)
                })
                .ok()?;
            Some((name, count))
        })
        .collect()
}

/// A demo database at `t.sqlite3` and a fresh backup of it at `name`.
fn live_and_backup(dir: &TempDir, name: &str) -> (PathBuf, PathBuf) {
    let store = backed_up_demo_store(dir);
    let backup = dir.path().join(name);
    store.backup_to(&backup).unwrap();
    (store.path().to_owned(), backup)
}

/// Restores from `source` and expects a refusal that names the file and `reason`. Whatever the
/// answer, the live database must still open afterwards with every row it had, and nothing of
/// the attempt be left beside it.
fn assert_refused_untouched(live: &Path, source: &Path, reason: &str) {
    let before = row_counts(live);
    let villages = Store::open(live).unwrap().villages().unwrap();
    let mut store = Store::open(live).unwrap();
    let result = store.restore_from(source, Some(&passphrase()));
    drop(store);

    let reopened = match Store::open(live) {
        Ok(store) => store,
        Err(e) => panic!(
            "after restoring from {} the live database no longer opens: {e}",
            source.display()
        ),
    };
    assert!(reopened.check().unwrap().ok());
    assert_eq!(
        reopened.villages().unwrap(),
        villages,
        "{}",
        source.display()
    );
    drop(reopened);
    assert_eq!(
        row_counts(live),
        before,
        "after restoring from {} the live database lost or gained rows",
        source.display()
    );

    let message = match result {
        Ok(_) => panic!("restore from {} was accepted", source.display()),
        Err(e) => e.to_string(),
    };
    assert!(
        message.contains(&source.display().to_string()),
        "the message does not name the file: {message}"
    );
    assert!(
        message.contains(reason),
        "the message does not say “{reason}”: {message}"
    );
    assert!(
        message.contains("当前数据库没有改动"),
        "the message does not say the database is unchanged: {message}"
    );
    let leftovers: Vec<String> = std::fs::read_dir(live.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("恢复"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "left beside the database: {leftovers:?}"
    );
}

#[test]
fn a_file_that_is_not_sqlite_is_refused() {
    let dir = TempDir::new().unwrap();
    let (live, _) = live_and_backup(&dir, "b.sqlite3");
    let source = dir.path().join("照片.sqlite3");
    std::fs::write(&source, "这不是数据库".repeat(1000)).unwrap();
    assert_refused_untouched(&live, &source, "不是 SQLite 数据库");
}

#[test]
fn a_missing_file_is_refused() {
    let dir = TempDir::new().unwrap();
    let (live, _) = live_and_backup(&dir, "b.sqlite3");
    assert_refused_untouched(
        &live,
        &dir.path().join("没有这个文件.sqlite3"),
        "文件不存在",
    );
}

#[test]
fn a_foreign_sqlite_file_is_refused() {
    let dir = TempDir::new().unwrap();
    let (live, _) = live_and_backup(&dir, "b.sqlite3");

    let plain = dir.path().join("别的程序.sqlite3");
    let conn = Connection::open(&plain).unwrap();
    conn.execute_batch("CREATE TABLE note (x TEXT); INSERT INTO note VALUES ('你好');")
        .unwrap();
    drop(conn);
    assert_refused_untouched(&live, &plain, "不是工作台的数据库");

    // Another program's file that even has a table of our name.
    let marked = dir.path().join("地图.mbtiles");
    let conn = Connection::open(&marked).unwrap();
    conn.execute_batch(
        "PRAGMA application_id = 0x4d504258;
         CREATE TABLE schema_migration (version INTEGER, name TEXT, checksum TEXT, applied_at TEXT);",
    )
    .unwrap();
    drop(conn);
    assert_refused_untouched(&live, &marked, "另一个程序");
}

#[test]
fn a_backup_with_another_migration_history_is_refused() {
    let dir = TempDir::new().unwrap();
    let (live, _) = live_and_backup(&dir, "b.sqlite3");
    let edits = [
        (
            "checksum.sqlite3",
            "UPDATE schema_migration SET checksum = '0000000000000000' WHERE version = 3",
            "第 3 号结构升级",
        ),
        (
            "name.sqlite3",
            "UPDATE schema_migration SET name = 'mask_rules_dev' WHERE version = 3",
            "第 3 号结构升级",
        ),
        (
            "missing.sqlite3",
            "DELETE FROM schema_migration WHERE version = 5",
            "第 5 号结构升级",
        ),
        (
            "extra.sqlite3",
            "INSERT INTO schema_migration VALUES (99, 'dev_only', 'x', '2026-01-01')",
            "第 99 号结构升级",
        ),
    ];
    for (name, edit, reason) in edits {
        let backup = dir.path().join(name);
        Store::open(&live).unwrap().backup_to(&backup).unwrap();
        let conn = Connection::open(&backup).unwrap();
        conn.execute(edit, []).unwrap();
        drop(conn);
        assert_refused_untouched(&live, &backup, reason);
    }
}

#[test]
fn a_backup_newer_than_this_binary_is_refused() {
    let dir = TempDir::new().unwrap();
    let (live, backup) = live_and_backup(&dir, "b.sqlite3");
    let conn = Connection::open(&backup).unwrap();
    conn.execute(
        "INSERT INTO schema_migration VALUES (?1, 'future', 'x', '2030-01-01')",
        [LATEST_VERSION + 1],
    )
    .unwrap();
    conn.pragma_update(None, "user_version", LATEST_VERSION + 1)
        .unwrap();
    drop(conn);
    assert_refused_untouched(&live, &backup, "请先升级工作台");
}

#[test]
fn a_truncated_backup_is_refused() {
    let dir = TempDir::new().unwrap();
    let (live, backup) = live_and_backup(&dir, "b.sqlite3");
    let bytes = std::fs::read(&backup).unwrap();

    let half = dir.path().join("一半.sqlite3");
    std::fs::write(&half, &bytes[..bytes.len() / 2]).unwrap();
    assert_refused_untouched(&live, &half, "损坏");

    // Cut at a page boundary, past the schema.
    let pages = dir.path().join("前几页.sqlite3");
    std::fs::write(&pages, &bytes[..4096 * 8]).unwrap();
    assert_refused_untouched(&live, &pages, "损坏");

    // A copy that never got its content: SQLite takes an empty file for an empty database.
    let empty = dir.path().join("空.sqlite3");
    std::fs::write(&empty, b"").unwrap();
    assert_refused_untouched(&live, &empty, "空");
}

#[test]
fn a_backup_whose_indexes_are_out_of_step_is_refused() {
    let dir = TempDir::new().unwrap();
    let (live, backup) = live_and_backup(&dir, "b.sqlite3");
    // Opens, as every file passing the quick check does; a restore runs the full check.
    super::put_indexes_out_of_step(&backup);
    assert_refused_untouched(&live, &backup, "probe_a");
}

#[test]
fn a_good_backup_restores_and_keeps_what_it_replaced() {
    let dir = TempDir::new().unwrap();
    let (live, backup) = live_and_backup(&dir, "b.sqlite3");
    let backed_up = row_counts(&backup);
    let mut store = Store::open(&live).unwrap();
    let village = store.villages().unwrap().remove(0);
    store.delete_village(village.id).unwrap();

    let safety = store.restore_from(&backup, Some(&passphrase())).unwrap();
    assert_eq!(store.villages().unwrap().len(), 6);
    assert!(store.check().unwrap().ok());
    drop(store);
    assert_eq!(row_counts(&live), backed_up);
    assert_eq!(Store::open(&safety).unwrap().villages().unwrap().len(), 5);
    let staging: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("恢复中"))
        .collect();
    assert!(staging.is_empty(), "left beside the database: {staging:?}");
}

/// A backup made by an earlier release (before migration 12 marked the file) is recognised by
/// its migration history, restored and brought up to date.
#[test]
fn a_backup_of_an_earlier_release_restores_and_is_upgraded() {
    let dir = TempDir::new().unwrap();
    let (live, _) = live_and_backup(&dir, "b.sqlite3");
    let old = dir.path().join("旧版备份.sqlite3");
    create_at_version(&old, 11);
    let conn = Connection::open(&old).unwrap();
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    assert_eq!(app_id, 0);
    drop(conn);

    let mut store = Store::open(&live).unwrap();
    store.restore_from(&old, None).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    assert!(store.villages().unwrap().is_empty());
    let app_id: i32 = store
        .conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    assert_eq!(app_id, crate::migrations::APPLICATION_ID);
}

/// The copy over the live database is one transaction: when it fails after some pages were
/// written, the live database is left as it was.
#[test]
fn a_copy_that_fails_midway_leaves_the_live_database_as_it_was() {
    let dir = TempDir::new().unwrap();
    let (live, backup) = live_and_backup(&dir, "b.sqlite3");
    let mut store = Store::open(&live).unwrap();
    let village = store.villages().unwrap().remove(0);
    store.delete_village(village.id).unwrap();
    let before = row_counts(&live);

    crate::backup::FAIL_COPY_AFTER_STEP.with(|at| at.set(Some(3)));
    let result = store.restore_from(&backup, Some(&passphrase()));
    crate::backup::FAIL_COPY_AFTER_STEP.with(|at| at.set(None));
    let err = result.unwrap_err();
    assert!(err.to_string().contains("复制到一半时失败"), "{err}");
    assert_eq!(store.villages().unwrap().len(), 5);
    drop(store);

    let reopened = Store::open(&live).unwrap();
    assert!(reopened.check().unwrap().ok());
    assert_eq!(reopened.villages().unwrap().len(), 5);
    drop(reopened);
    assert_eq!(row_counts(&live), before);
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("恢复"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "left beside the database: {leftovers:?}"
    );
}

/// A sound backup of another page size is rebuilt at the live one's while staged (the backup
/// API cannot copy between page sizes into a WAL database).
#[test]
fn a_backup_of_another_page_size_restores() {
    let dir = TempDir::new().unwrap();
    let (live, backup) = live_and_backup(&dir, "b.sqlite3");
    let conn = Connection::open(&backup).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    conn.pragma_update(None, "page_size", 8192).unwrap();
    conn.execute_batch("VACUUM").unwrap();
    let size: i64 = conn
        .pragma_query_value(None, "page_size", |r| r.get(0))
        .unwrap();
    assert_eq!(size, 8192);
    drop(conn);
    let backed_up = row_counts(&backup);

    let mut store = Store::open(&live).unwrap();
    store
        .delete_village(store.villages().unwrap()[0].id)
        .unwrap();
    store.restore_from(&backup, Some(&passphrase())).unwrap();
    assert_eq!(store.villages().unwrap().len(), 6);
    drop(store);
    assert_eq!(row_counts(&live), backed_up);
}
