//! Numbered schema migrations, embedded in the binary.
//!
//! Invariants:
//! - a migration is applied in one transaction together with its bookkeeping row and the
//!   `user_version` bump, so a crash leaves the schema at the previous or the next version;
//! - migrations are append-only: a released file is never edited (its checksum is recorded in
//!   the database and verified on open, and pinned in this module's tests), a fix is a new
//!   migration;
//! - a database whose version is newer than [`LATEST_VERSION`] is refused, never "repaired".

use chrono::Utc;
use rusqlite::{Connection, TransactionBehavior};

use gongkai_secrets::Keystore;

use crate::{StoreError, secrets};

pub(crate) struct Migration {
    pub version: u32,
    pub name: &'static str,
    pub sql: &'static str,
}

pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "township_profile",
        sql: include_str!("migrations/0001_township_profile.sql"),
    },
    Migration {
        version: 2,
        name: "payout_lists",
        sql: include_str!("migrations/0002_payout_lists.sql"),
    },
    Migration {
        version: 3,
        name: "mask_rules",
        sql: include_str!("migrations/0003_mask_rules.sql"),
    },
    Migration {
        version: 4,
        name: "import_templates",
        sql: include_str!("migrations/0004_import_templates.sql"),
    },
    Migration {
        version: 5,
        name: "catalog",
        sql: include_str!("migrations/0005_catalog.sql"),
    },
    Migration {
        version: 6,
        name: "records",
        sql: include_str!("migrations/0006_records.sql"),
    },
    Migration {
        version: 7,
        name: "sync",
        sql: include_str!("migrations/0007_sync.sql"),
    },
    Migration {
        version: 8,
        name: "county_ca",
        sql: include_str!("migrations/0008_county_ca.sql"),
    },
    Migration {
        version: 9,
        name: "search_chars",
        sql: include_str!("migrations/0009_search_chars.sql"),
    },
    Migration {
        version: 10,
        name: "change_log_triggers",
        sql: include_str!("migrations/0010_change_log_triggers.sql"),
    },
    Migration {
        version: 11,
        name: "payout_notice_settings",
        sql: include_str!("migrations/0011_payout_notice_settings.sql"),
    },
    Migration {
        version: 12,
        name: "application_id",
        sql: include_str!("migrations/0012_application_id.sql"),
    },
    Migration {
        version: 13,
        name: "secrets_out",
        sql: include_str!("migrations/0013_secrets_out.sql"),
    },
    Migration {
        version: 14,
        name: "boards",
        sql: include_str!("migrations/0014_boards.sql"),
    },
    Migration {
        version: 15,
        name: "posting_files",
        sql: include_str!("migrations/0015_posting_files.sql"),
    },
    Migration {
        version: 16,
        name: "photo_settings",
        sql: include_str!("migrations/0016_photo_settings.sql"),
    },
    Migration {
        version: 17,
        name: "requests",
        sql: include_str!("migrations/0017_requests.sql"),
    },
    Migration {
        version: 18,
        name: "documents",
        sql: include_str!("migrations/0018_documents.sql"),
    },
    Migration {
        version: 19,
        name: "report",
        sql: include_str!("migrations/0019_report.sql"),
    },
    Migration {
        version: 20,
        name: "plan",
        sql: include_str!("migrations/0020_plan.sql"),
    },
    Migration {
        version: 21,
        name: "reading_point",
        sql: include_str!("migrations/0021_reading_point.sql"),
    },
    Migration {
        version: 22,
        name: "plan_summary",
        sql: include_str!("migrations/0022_plan_summary.sql"),
    },
];

/// Schema version this binary writes.
pub const LATEST_VERSION: u32 = MIGRATIONS.len() as u32;

/// `PRAGMA application_id` of a Gongkai database ("GKai"), set by migration 12.
pub(crate) const APPLICATION_ID: i32 = 0x474B_6169;

/// The migration that set [`APPLICATION_ID`]: a file at an earlier version has none of its own.
const APPLICATION_ID_SINCE: u32 = 12;

const BOOKKEEPING: &str = "CREATE TABLE IF NOT EXISTS schema_migration (
    version    INTEGER PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL,
    checksum   TEXT NOT NULL,
    applied_at TEXT NOT NULL
) STRICT";

pub(crate) fn schema_version(conn: &Connection) -> Result<u32, StoreError> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Brings the schema up to `target` (normally [`LATEST_VERSION`]); the secrets of a file
/// older than migration 13 move to `keystore`.
pub(crate) fn migrate_to(
    conn: &mut Connection,
    target: u32,
    keystore: &Keystore,
) -> Result<(), StoreError> {
    let found = schema_version(conn)?;
    if found > LATEST_VERSION {
        return Err(StoreError::TooNew {
            found,
            supported: LATEST_VERSION,
        });
    }
    verify_applied(conn, found)?;
    let moves_secrets = found < secrets::MOVED_OUT_IN && target >= secrets::MOVED_OUT_IN;
    if moves_secrets {
        // The pages the secrets leave are zeroed, not just freed.
        conn.pragma_update(None, "secure_delete", true)?;
    }
    for migration in MIGRATIONS
        .iter()
        .filter(|m| m.version > found && m.version <= target)
    {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(BOOKKEEPING)?;
        if migration.version == secrets::MOVED_OUT_IN {
            secrets::move_out(&tx, keystore, migration.sql)?;
        } else {
            tx.execute_batch(migration.sql)?;
        }
        tx.execute(
            "INSERT INTO schema_migration (version, name, checksum, applied_at)
             VALUES (?1, ?2, ?3, ?4)",
            (
                migration.version,
                migration.name,
                checksum(migration.sql),
                Utc::now().to_rfc3339(),
            ),
        )?;
        tx.pragma_update(None, "user_version", migration.version)?;
        tx.commit()?;
    }
    if moves_secrets {
        conn.pragma_update(None, "secure_delete", false)?;
        // Old pages still holding the secrets may sit in the WAL or wait to be overwritten in
        // the file: copy the new ones over them now. A reader elsewhere may keep some back;
        // its next checkpoint writes them.
        if !conn.is_readonly(rusqlite::MAIN_DB)? {
            conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
    }
    Ok(())
}

/// Refuses a database whose applied migrations differ from the ones embedded here: that means
/// it was written by a development build with another history, and going on would corrupt it.
pub(crate) fn verify_applied(conn: &Connection, version: u32) -> Result<(), StoreError> {
    if version == 0 {
        return Ok(());
    }
    let mut stmt =
        conn.prepare("SELECT version, checksum FROM schema_migration ORDER BY version")?;
    let applied = stmt
        .query_map([], |row| {
            Ok((row.get::<_, u32>(0)?, row.get::<_, String>(1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    for migration in MIGRATIONS.iter().filter(|m| m.version <= version) {
        let matches = applied
            .iter()
            .any(|(v, sum)| *v == migration.version && *sum == checksum(migration.sql));
        if !matches {
            return Err(StoreError::MigrationMismatch {
                version: migration.version,
            });
        }
    }
    Ok(())
}

/// Why a file cannot be restored, checked on a read-only connection to it before anything is
/// written; `Ok` is its schema version. A Gongkai database carries [`APPLICATION_ID`], or, when
/// an earlier release wrote it, a `schema_migration` table; its migration rows must be exactly
/// this binary's (version, name and checksum) up to its version, which is not newer than
/// [`LATEST_VERSION`]. The reasons are Chinese, for the clerk.
pub(crate) fn check_restore_source(conn: &Connection) -> Result<u32, String> {
    let read = |e: rusqlite::Error| format!("无法读取它的内容（{e}）");
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .map_err(read)?;
    let version = schema_version(conn).map_err(|e| e.to_string())?;
    let has_history: bool = conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_schema
                            WHERE type = 'table' AND name = 'schema_migration')",
            [],
            |row| row.get(0),
        )
        .map_err(read)?;
    let tables: u32 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
            [],
            |row| row.get(0),
        )
        .map_err(read)?;
    if app_id != APPLICATION_ID {
        if app_id != 0 {
            return Err(format!(
                "它属于另一个程序（应用标识 0x{app_id:08X}），不是工作台的数据库"
            ));
        }
        if version == 0 && tables == 0 {
            return Err("它是一个空数据库（文件可能没有复制完整），不是工作台的备份".into());
        }
        if !has_history || version == 0 {
            return Err("它不是工作台的数据库（可能是别的程序的 SQLite 文件）".into());
        }
        if (APPLICATION_ID_SINCE..=LATEST_VERSION).contains(&version) {
            return Err(format!(
                "它的数据库版本为 {version}，却没有工作台的文件标识，文件可能被改动过"
            ));
        }
    }
    if version > LATEST_VERSION {
        return Err(format!(
            "它的数据库版本为 {version}，本程序只支持到 {LATEST_VERSION}；它由更新版本的工作台写入，请先升级工作台再恢复"
        ));
    }
    if !has_history {
        return Err("它缺少结构升级记录，文件可能被改动过".into());
    }
    let mut stmt = conn
        .prepare("SELECT version, name, checksum FROM schema_migration ORDER BY version")
        .map_err(read)?;
    let applied = stmt
        .query_map([], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
            ))
        })
        .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
        .map_err(read)?;
    let differs = |number: i64, what: &str| {
        format!("它的第 {number} 号结构升级{what}（可能由测试版程序写入，或文件被改动过）")
    };
    for migration in MIGRATIONS.iter().filter(|m| m.version <= version) {
        let number = i64::from(migration.version);
        match applied.iter().find(|(v, _, _)| *v == number) {
            None => return Err(differs(number, "没有记录")),
            Some((_, name, sum)) if *name != migration.name || *sum != checksum(migration.sql) => {
                return Err(differs(number, &format!("（{name}）与本程序的不一致")));
            }
            Some(_) => {}
        }
    }
    if let Some((number, name, _)) = applied
        .iter()
        .find(|(v, _, _)| *v < 1 || *v > i64::from(version))
    {
        return Err(differs(
            *number,
            &format!("（{name}）超出了它的数据库版本 {version}"),
        ));
    }
    Ok(version)
}

/// FNV-1a over the migration text: enough to detect an edited migration, no crypto needed.
fn checksum(sql: &str) -> String {
    let hash = sql.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every released migration's checksum, as released. A database records the checksum of
    /// each migration applied to it and is refused on open when the binary's differs, so an
    /// edited migration (a reformat or a CRLF checkout included) locks every township out after
    /// an upgrade. Never change a line here; a new migration adds its own once it is released.
    const RELEASED: &[(u32, &str)] = &[
        (1, "6bdf1e95fc1ef086"),
        (2, "a822df7723eb719c"),
        (3, "a71ec6defa14619b"),
        (4, "fce6e3231e7cea2b"),
        (5, "acc83fc6cee9d3c2"),
        (6, "ddf0a785013e5ef2"),
        (7, "43dcd567f70a7f89"),
        (8, "5290445ccc8c6d46"),
        (9, "a83c6664982135ff"),
        (10, "d353c9a140b04a57"),
        (11, "4067e366b5ca4e17"),
        (12, "5fbc368281631f16"),
        (13, "eac1ef8c6ea76fa2"),
        (14, "9cb625ec7156395e"),
        (15, "9a1f0bc090c679ef"),
        (16, "918cc1419606e044"),
        (17, "173f1b0cb900bfd3"),
        (18, "667aed30ec221a5d"),
        (19, "45f8877378684dfe"),
        (20, "9d162fd95f255310"),
        (21, "7807f8d385ddb3ba"),
        (22, "e96ec63b5991d00d"),
    ];

    #[test]
    fn released_migrations_are_never_edited() {
        for migration in MIGRATIONS {
            let found = checksum(migration.sql);
            match RELEASED.iter().find(|(v, _)| *v == migration.version) {
                Some((_, released)) => assert_eq!(
                    found, *released,
                    "migration {} ({}) differs from its released text: a released migration is \
                     never edited; undo the edit and write a new migration",
                    migration.version, migration.name
                ),
                None => panic!(
                    "migration {} ({}) has no pinned checksum: add ({}, \"{found}\") to RELEASED \
                     in migrations.rs in the change that releases it",
                    migration.version, migration.name, migration.version
                ),
            }
        }
        for (version, _) in RELEASED {
            assert!(
                MIGRATIONS.iter().any(|m| m.version == *version),
                "released migration {version} is gone from MIGRATIONS"
            );
        }
    }

    /// The files are embedded as checked out: `.gitattributes` keeps them LF everywhere.
    #[test]
    fn migrations_are_lf_only() {
        for migration in MIGRATIONS {
            assert!(
                !migration.sql.contains('\r'),
                "migration {} ({}) has CR line endings: check it out with LF (.gitattributes: \
                 *.sql text eol=lf)",
                migration.version,
                migration.name
            );
        }
    }

    #[test]
    fn versions_are_numbered_without_gaps() {
        for (index, migration) in MIGRATIONS.iter().enumerate() {
            assert_eq!(migration.version as usize, index + 1, "{}", migration.name);
        }
    }

    #[test]
    fn checksum_detects_an_edit() {
        assert_ne!(
            checksum("CREATE TABLE a (x)"),
            checksum("CREATE TABLE a (y)")
        );
    }
}
