//! Upgrade: the county portal's database made by each earlier release opens under this build,
//! migrates, and keeps every row and every attachment's hash; the township it registered is
//! still there with what it pushed.
//!
//! The fixtures are `tests/fixtures/upgrade/<release>/portal.sqlite3` with
//! `portal.expect.json` (the digest of every table as the release left the file), made with
//! the township fixture beside it (see the README there). Each release adds its own folder.

// Helpers outside #[test] functions are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../../gongkai-store/tests/support/upgrade.rs"]
mod upgrade;

use std::path::{Path, PathBuf};

use gongkai_portal::db;

use upgrade::{content_hash_mismatches, differences, digest_file, open_read_only};

/// Tables later migrations append rows to, and why; their released rows are still compared.
const GROWS: &[(&str, &str)] = &[(
    "schema_migration",
    "each later migration adds its bookkeeping row",
)];

fn releases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/upgrade");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.join("portal.sqlite3").is_file())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty(), "no release fixture in {}", root.display());
    dirs
}

#[test]
fn every_released_portal_file_opens_migrates_and_keeps_every_row() {
    for release in releases() {
        let name = release.file_name().unwrap().to_string_lossy().into_owned();
        let work = tempfile::tempdir().expect("tempdir");
        let path = work.path().join("portal.sqlite3");
        std::fs::copy(release.join("portal.sqlite3"), &path).expect("copy fixture");

        let as_released = digest_file(&open_read_only(&path));
        let expected = as_released
            .clone()
            .expected(&release.join("portal.expect.json"));
        assert_eq!(
            as_released, expected,
            "{name}: the fixture differs from its expectations (a fixture is never edited)"
        );
        assert!(
            expected.schema_version < db::LATEST_VERSION,
            "{name}: schema {} is not older than this build's {}",
            expected.schema_version,
            db::LATEST_VERSION
        );
        for table in ["township", "entry", "object_head", "county_change"] {
            let rows = expected.tables.get(table).map_or(0, |t| t.rows);
            assert!(rows > 0, "{name}: the fixture has no {table} rows");
        }

        let conn = db::open(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let version: u32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, db::LATEST_VERSION, "{name}");

        let changed = differences(&conn, &expected, GROWS);
        assert!(changed.is_empty(), "{name}: {changed:#?}");
        // 0.1.0's demo township has no record attachments, so its portal file holds none; a
        // later release's fixture that has some gets each one checked against its hash.
        let (_, bad) = content_hash_mismatches(&conn, "attachment", "sha256", "content");
        assert!(
            bad.is_empty(),
            "{name}: content differs from its hash: {bad:?}"
        );

        // The page of every list it held is rendered on the first open (migration 4 made
        // pages at push time).
        let (lists, pages): (i64, i64) = conn
            .query_row(
                "SELECT (SELECT count(*) FROM object_head
                         WHERE kind = 'payout_list' AND withdrawn = 0),
                        (SELECT count(*) FROM payout_page)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert!(
            lists > 0 && pages == lists,
            "{name}: {pages} pages of {lists} lists"
        );

        // This build reads what the release received.
        let stats = db::stats(&conn).unwrap();
        assert_eq!(stats.len(), 1, "{name}: one township registered");
        assert!(
            stats[0].records > 0 && stats[0].payout_rows > 0 && !stats[0].last_sync.is_empty(),
            "{name}: {:?}",
            stats[0]
        );
    }
}

#[test]
fn version_names_the_release_the_schema_and_the_sync_protocol() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gongkai-portal"))
        .arg("--version")
        .output()
        .expect("run gongkai-portal");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim_end(),
        format!(
            "gongkai-portal {}（数据库结构版本 {}，同步协议版本 {}）",
            env!("CARGO_PKG_VERSION"),
            db::LATEST_VERSION,
            gongkai_sync::PROTOCOL_VERSION
        )
    );
}
