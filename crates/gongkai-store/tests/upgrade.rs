//! Upgrade: a township's database made by each earlier release opens under this build,
//! migrates, and keeps every row, hash and archived fingerprint.
//!
//! The fixtures are in `tests/fixtures/upgrade/<release>/` (see the README there): a lived-in
//! demo database made by that release's own `gongkai` binary, synced once with that release's
//! portal, the key files its secrets went to, and `township.expect.json`, the digest of every
//! table as the release left the file. Each release adds its own folder; this test runs over
//! all of them.

// Helpers outside #[test] functions are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/upgrade.rs"]
mod upgrade;

use std::path::{Path, PathBuf};

use gongkai_store::{Keystore, LATEST_VERSION, Store};
use sha2::{Digest, Sha256};

use upgrade::{content_hash_mismatches, differences, digest_file, open_read_only};

/// Tables later migrations append rows to, and why; their released rows are still compared.
const GROWS: &[(&str, &str)] = &[
    (
        "schema_migration",
        "each later migration adds its bookkeeping row",
    ),
    (
        "change_log",
        "migration 14 logs the board templates it seeds, to be synced",
    ),
];

/// Released tables holding a file and its SHA-256: (table, hash column, content column).
const HASHED_CONTENT: &[(&str, &str, &str)] = &[
    ("payout_archive_file", "sha256", "pdf"),
    ("record_attachment", "sha256", "content"),
];

fn releases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/upgrade");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.join("township.sqlite3").is_file())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty(), "no release fixture in {}", root.display());
    dirs
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
    }
}

/// The fingerprint `payout_archive` keeps of an archived list's rows, as the API computes
/// it when it archives (`gongkai-api` `payouts::rows_fingerprint`): written out again here
/// on purpose, since a fingerprint made by a released build must stay checkable by every
/// later one.
fn rows_fingerprint(rows: &[gongkai_store::PrintableRow]) -> String {
    let mut hasher = Sha256::new();
    for r in rows {
        let line = format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            r.village,
            r.group.as_deref().unwrap_or_default(),
            r.name,
            r.id_masked,
            r.bank_masked.as_deref().unwrap_or_default(),
            r.area_e4.map(|v| v.to_string()).unwrap_or_default(),
            r.rate_e4.map(|v| v.to_string()).unwrap_or_default(),
            r.amount_fen,
            r.note.as_deref().unwrap_or_default(),
        );
        hasher.update(line.as_bytes());
    }
    upgrade::hex(&hasher.finalize())
}

#[test]
fn every_released_township_file_opens_migrates_and_keeps_every_row() {
    for release in releases() {
        let name = release.file_name().unwrap().to_string_lossy().into_owned();
        let work = tempfile::tempdir().expect("tempdir");
        let db = work.path().join("township.sqlite3");
        std::fs::copy(release.join("township.sqlite3"), &db).expect("copy fixture");
        let secrets = work.path().join("secrets");
        copy_dir(&release.join("secrets"), &secrets);

        // The fixture is the file the release left: its digest is what was recorded.
        let as_released = digest_file(&open_read_only(&db));
        let expected = as_released
            .clone()
            .expected(&release.join("township.expect.json"));
        assert_eq!(
            as_released, expected,
            "{name}: the fixture differs from its expectations (a fixture is never edited)"
        );
        assert!(
            expected.schema_version < LATEST_VERSION,
            "{name}: schema {} is not older than this build's {LATEST_VERSION}",
            expected.schema_version
        );

        let store = Store::open_with(&db, Keystore::files(&secrets))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(store.schema_version().unwrap(), LATEST_VERSION, "{name}");
        assert!(store.check().unwrap().ok(), "{name}: integrity");

        // Every archived list's fingerprint still matches its rows as read by this build.
        let raw = open_read_only(&db);
        let mut archived = 0;
        for list in store.payout_lists().unwrap() {
            if list.status != "archived" {
                continue;
            }
            let stored: String = raw
                .query_row(
                    "SELECT rows_sha256 FROM payout_archive WHERE list_id = ?1",
                    [list.id.to_string()],
                    |r| r.get(0),
                )
                .unwrap_or_else(|e| panic!("{name}: archive of {}: {e}", list.id));
            let rows = store.printable_rows(list.id).unwrap();
            assert_eq!(
                rows_fingerprint(&rows),
                stored,
                "{name}: archived list {} ({}) no longer matches its fingerprint",
                list.id,
                list.project
            );
            archived += 1;
        }
        assert!(archived > 0, "{name}: the fixture has no archived list");
        drop(store);

        let changed = differences(&raw, &expected, GROWS);
        assert!(changed.is_empty(), "{name}: {changed:#?}");

        let mut hashed = 0;
        for (table, hash, content) in HASHED_CONTENT {
            let (checked, bad) = content_hash_mismatches(&raw, table, hash, content);
            assert!(
                bad.is_empty(),
                "{name}: content differs from its hash: {bad:?}"
            );
            hashed += checked;
        }
        assert!(hashed > 0, "{name}: the fixture holds no archived file");

        // The fixture holds sync state (it synced once with its release's portal), so the
        // comparison above covered it.
        for table in ["sync_identity", "sync_outbox", "sync_cursor", "sync_run"] {
            let rows = expected.tables.get(table).map_or(0, |t| t.rows);
            assert!(rows > 0, "{name}: the fixture has no {table} rows");
        }

        // A second open finds nothing to do.
        drop(raw);
        let again = Store::open_with(&db, Keystore::files(&secrets)).unwrap();
        assert_eq!(again.schema_version().unwrap(), LATEST_VERSION);
    }
}

/// The comparison sees a changed value: one amount of a list's row edited in the copy (not an
/// archived or superseded list's: the database's triggers refuse that) is named, and so is a row a migration would have added to a table that does
/// not grow.
#[test]
fn a_changed_or_added_row_is_found() {
    let release = releases().pop().expect("a release");
    let work = tempfile::tempdir().expect("tempdir");
    let db = work.path().join("township.sqlite3");
    std::fs::copy(release.join("township.sqlite3"), &db).expect("copy fixture");
    let expected =
        digest_file(&open_read_only(&db)).expected(&release.join("township.expect.json"));
    let conn = rusqlite::Connection::open(&db).unwrap();
    assert!(differences(&conn, &expected, GROWS).is_empty());

    conn.execute(
        "UPDATE payout_row SET amount_fen = amount_fen + 1 WHERE rowid = (SELECT min(rowid)
         FROM payout_row WHERE list_id IN (SELECT id FROM payout_list WHERE status = 'draft'))",
        [],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO schema_migration (version, name, applied_at, checksum) VALUES (99, 'x', 'now', 'x')",
        [],
    )
    .unwrap();
    // The edit is logged by the change-log trigger: change_log grew too.
    let changed = differences(&conn, &expected, &[]);
    let tables: Vec<&str> = changed
        .iter()
        .map(|d| d.split(':').next().unwrap())
        .collect();
    assert_eq!(
        tables,
        ["change_log", "payout_row", "schema_migration"],
        "{changed:#?}"
    );
    // Allowed to grow, change_log and schema_migration keep their released rows.
    let changed = differences(&conn, &expected, GROWS);
    assert_eq!(changed.len(), 1, "{changed:#?}");
    assert!(changed[0].starts_with("payout_row: "), "{changed:#?}");
}
