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

use crate::StoreError;

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
];

/// Schema version this binary writes.
pub const LATEST_VERSION: u32 = MIGRATIONS.len() as u32;

const BOOKKEEPING: &str = "CREATE TABLE IF NOT EXISTS schema_migration (
    version    INTEGER PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL,
    checksum   TEXT NOT NULL,
    applied_at TEXT NOT NULL
) STRICT";

pub(crate) fn schema_version(conn: &Connection) -> Result<u32, StoreError> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Brings the schema up to `target` (normally [`LATEST_VERSION`]).
pub(crate) fn migrate_to(conn: &mut Connection, target: u32) -> Result<(), StoreError> {
    let found = schema_version(conn)?;
    if found > LATEST_VERSION {
        return Err(StoreError::TooNew {
            found,
            supported: LATEST_VERSION,
        });
    }
    verify_applied(conn, found)?;
    for migration in MIGRATIONS
        .iter()
        .filter(|m| m.version > found && m.version <= target)
    {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(BOOKKEEPING)?;
        tx.execute_batch(migration.sql)?;
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
    Ok(())
}

/// Refuses a database whose applied migrations differ from the ones embedded here: that means
/// it was written by a development build with another history, and going on would corrupt it.
fn verify_applied(conn: &Connection, version: u32) -> Result<(), StoreError> {
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
